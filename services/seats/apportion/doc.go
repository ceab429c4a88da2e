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
// Caps are applied in rounds: a party whose whole quotas exceed its cap is
// fixed at the cap and the quota is computed afresh among the others (a cap
// not below the seats a round distributes does not bind: whole quotas above
// them are the overflow rule's case); a
// party at its cap takes no remainder seat (the seat passes to the next
// remainder) and is never tied for one. A party without votes never gets a
// seat beyond the minimum, in any method.
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
// For a party holding s seats for certain (a seat in an exact tie is not
// held), every other party's votes fixed:
//
//   - VotesToGain is the fewest additional votes that give it more than s
//     seats; one vote fewer does not. An exact tie is not a win
//     (Netherlands 2023: D66 needed 159 votes, 158 gives a tie).
//   - VotesToLose is the largest number of votes it can lose while every
//     loss up to it leaves it all s seats; losing one vote more costs a seat,
//     puts one in an exact tie, or leaves no valid distribution (SP in 2023:
//     78; 79 ties).
//
// Both are first crossings, so they hold for methods that are not monotone.
// GainStatus and LoseStatus say MarginComputed, MarginNone (no number of
// votes gains a seat; no loss costs one, e.g. the party has no seat or only
// minimum or district seats) or MarginNotComputed (Rule.NoMargins, more
// than MarginMaxParties parties, or seat caps with a quota method; a note
// says which). With a percentage threshold the base moves with the party's
// votes (an explicit Base by the same amount; an implicit base is the sum);
// an absolute Votes threshold is fixed, so a gain can disqualify a rival
// near the threshold and a loss can qualify one.
//
// They are exact, never a capped search: the vote axis is cut into
// segments at every point where any party's qualification can change
// (threshold crossings; vote-order crossings where the runner-up rule can
// act), and inside a segment a party's seats are monotone in its own votes
// for every divisor method and for Hare, Hagenbach-Bischoff and Imperiali
// quota, so the first segment whose end crosses is searched. Droop's
// integer quota steps every S+1 votes (S the seats above the minimums);
// seats are monotone inside a step, and the crossing test at the steps'
// ends is monotone too, so steps are bisected by their ends (see
// margins.go). Divisor methods mostly use a closed form (the least votes
// whose next quotient beats the others' boundary quotient); uncapped quota
// methods test a segment in O(P) without re-running the distribution.
// Quota methods with caps are not computed: a cap recomputes the quota of
// later rounds and a party's seats are then not monotone inside a segment.
package apportion
