package apportion

import (
	"fmt"
	"math/big"
)

// ParseDecimal reads an exact decimal as the API and case files write
// percentages and first divisors: "7", "3.25", "-1" or a fraction "2/3".
// Exponents ("1e2"), spaces and more than 64 characters are refused, so a
// request and a case file accept exactly the same numbers and none can ask
// for an absurd size. Whether the value makes sense (a percent <= 100) is
// Validate's call.
func ParseDecimal(s string) (*big.Rat, error) {
	if s == "" || len(s) > 64 {
		return nil, fmt.Errorf("%q is not a decimal such as \"3.25\" or a fraction such as \"2/3\"", s)
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != '.' && c != '/' && c != '-' {
			return nil, fmt.Errorf("%q is not a decimal such as \"3.25\" or a fraction such as \"2/3\"", s)
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, fmt.Errorf("%q is not a decimal such as \"3.25\" or a fraction such as \"2/3\"", s)
	}
	return r, nil
}
