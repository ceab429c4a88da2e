// Package apportion is Mandate's exact seat-apportionment engine: it turns
// votes (or populations) into seats under a legal rule, reproducibly and
// without floating point in any seat decision. Standard library only.
//
// # Methods
//
// Divisor (highest averages) methods give each next seat to the
// participating party with the highest quotient votes/d(s), s = seats won so
// far: D'Hondt/Jefferson d=s+1, Sainte-Laguë/Webster d=s+1/2, modified
// Sainte-Laguë (first divisor Rule.FirstDivisor on the 1,3,5,... scale, then
// 3,5,7,...), Adams d=s, Dean d=s(s+1)/(s+1/2), Huntington-Hill
// d=sqrt(s(s+1)), Imperiali d=s+2 and Danish d=3s+1. A zero divisor (Adams,
// Dean, Huntington-Hill at s=0) is an infinite quotient: every party with
// votes gets a seat first; all infinite quotients are equal, so with more
// such parties than seats they are tied (see Ties). Parties without votes
// never win a seat by quotient. MinSeatsPerParty seats are given first and
// the quotients continue from there; MaxSeatsPerParty caps a party and its
// further seats go to the others.
//
// Quota (largest remainder) methods: quota Hare V/S, Droop floor(V/(S+1))+1,
// Hagenbach-Bischoff V/(S+1), Imperiali V/(S+2), V being the votes of the
// participating parties and S the seats beyond the minimum seats (which are
// given first). Each party gets its whole quotas, the seats left go one each
// to the largest remainders. If more seats are left than there are parties
// (only with a tiny Droop quota) every party gets one per full round first.
// Overflow rule: when the whole quotas exceed the seats (Hagenbach-Bischoff,
// Imperiali), the excess seats are taken back one each from the parties with
// the smallest remainders among those holding a whole quota; a note says so.
// Caps are applied in rounds: parties over the cap are fixed at it and the
// rest is redistributed among the others.
//
// # Exactness
//
// Quotients are compared by cross-multiplication in 192-bit integer
// arithmetic (Huntington-Hill by squares: v_a²·s_b(s_b+1) vs
// v_b²·s_a(s_a+1)); thresholds, quotas, remainders and margins use integers
// or math/big. Reported fractions are *big.Rat. The divisor methods run in
// O(P log P) regardless of the seat count ("jump and step"): a floating-point
// guess of the divisor is turned into an exact rational, each party's exact
// seat count for it is found with exact comparisons, and a heap adds or
// withdraws the few remaining seats. The float only picks the starting point;
// the result is proven by exact comparisons and equals the seat-by-seat
// reference (tested). Floats appear only in the descriptive indices
// (Gallagher, Loosemore-Hanby, effective number of parties).
//
// # Thresholds and participation
//
// A party passes when votes*100 >= Percent*Base (inclusive, exact) and, if
// set, votes >= Threshold.Votes; or it qualifies with at least
// OrDistrictWinsAtLeast district wins; Exempt parties take part regardless.
// With RunnerUpGuaranteed, if exactly one party qualifies through the
// threshold, the failed party with the most votes takes part too (all of
// them on equal votes). A party exactly at the threshold passes: that is not
// a tie. With Overhang, district wins of non-participants come off the
// seats first and participants keep district wins above their entitlement,
// growing the house (New Zealand style).
//
// # Ties
//
// An exact tie exists when the lowest awarded quotient (or remainder) equals
// the highest one left out. Result.Ties holds the complete set of parties at
// that level and how many seats they share (at most one each), whatever the
// tie rule. The zero TieRule is TieUndecided: the contested seats stay
// unallocated (Result.Undecided), because an unconfigured rule must never
// invent a winner. TieMoreVotes prefers more votes (then ballot order),
// TieBallotOrder prefers the lower Party.BallotOrder (numbered parties
// before unnumbered ones, then input order), TieLot shuffles the tied
// parties (in input order) with a PCG generator seeded from Rule.Seed and a
// Fisher-Yates shuffle with unbiased rejection sampling, so anyone can
// reproduce the draw from the seed echoed in the Result.
//
// # Margins
//
// VotesToGain is the fewest additional votes that give a party one more seat
// for certain, every other party's votes fixed; an exact tie is not a win
// (Netherlands 2023: D66 needed 159 votes, 158 gives a tie). VotesToLose is
// the largest loss after which the party still certainly keeps all its
// seats: one vote more costs a seat or creates a tie for it (SP in 2023: 78;
// 79 ties, 80 loses). Both are -1 when impossible (or when the party has no
// seat, for VotesToLose) and VotesToLose equals Votes when no loss costs a
// seat. With a percentage threshold the base moves with the party's votes
// (an explicit Base grows or shrinks by the same amount; an implicit base is
// the sum and moves by itself); an absolute Votes threshold is fixed. So a
// gain can disqualify a rival near the threshold and a loss can qualify one.
//
// Divisor methods use a closed form (the least votes whose next quotient
// strictly beats the lowest seat of the other parties, and the mirror for
// losses), verified with two exact re-runs. Everything else, including
// every quota method (not monotone), uses an exact search: an exponential
// probe for an upper bound, then the intervals in which participation and
// (Droop) the quota are constant, in each of which the seat count is
// monotone; the first interval whose end succeeds is binary-searched. The
// search probes at most 1024 such intervals per margin; beyond that the
// margin is -1 and a note says so (only Droop with few seats and many votes
// gets there). Droop margins combined with seat caps are best effort. With
// more than MarginMaxParties parties, or Rule.NoMargins, margins are not
// computed (-1).
package apportion
