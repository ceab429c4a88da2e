package apportion_test

import (
	"math/big"
	"math/rand/v2"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0xabcdef)) }

func ratOf(a, b int64) *big.Rat { return big.NewRat(a, b) }

func allMethods() []apportion.Method {
	return []apportion.Method{
		apportion.DHondt, apportion.SainteLague, apportion.ModifiedSainteLague, apportion.Adams,
		apportion.Dean, apportion.HuntingtonHill, apportion.ImperialiDivisor, apportion.Danish,
		apportion.Hare, apportion.Droop, apportion.HagenbachBischoff, apportion.ImperialiQuota,
	}
}
