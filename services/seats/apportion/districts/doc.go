// Package districts apportions the seats of a parliament elected in several
// districts, exactly (integers and rationals; no floating point decides a
// seat). Three rule families are supported:
//
//   - Independent: every district distributes its own seats by a divisor or
//     quota method (Spain's Congress: D'Hondt per province with a 3 %
//     district threshold). A parallel chamber is an independent chamber
//     whose districts may override the method and threshold (e.g. single-
//     member districts next to a national list tier).
//   - Biproportional (double proportional, "doppelter Pukelsheim"): party
//     totals over the whole house by a divisor method (upper apportionment),
//     then a matrix of seats per list and district that meets both margins
//     by the biproportional divisor method (lower apportionment), with
//     district and party divisors reported and non-unique results detected.
//   - Leveling (Norwegian model): district seats by modified Sainte-Laguë,
//     then compensatory seats so that every qualifying party's total follows
//     its national vote, placed in the districts by the quotient rule.
//
// Every single district distribution is delegated to the single-pool engine
// (package apportion), so the methods, thresholds and tie rules are the same.
// The package imports no gRPC or generated code.
package districts
