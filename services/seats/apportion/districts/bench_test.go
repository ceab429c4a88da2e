package districts_test

import (
	"context"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

func benchChamber(b *testing.B, c *districts.Chamber) {
	b.Helper()
	if _, err := districts.Apportion(context.Background(), c); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := districts.Apportion(context.Background(), c); err != nil {
			b.Fatal(err)
		}
	}
}

// 100 districts x 100 lists x 1,000 seats.
func BenchmarkIndependent100x100x1000(b *testing.B) {
	benchChamber(b, synthetic(1, 100, 100, 1000, districts.Independent))
}

func BenchmarkBiproportional100x100x1000(b *testing.B) {
	benchChamber(b, synthetic(1, 100, 100, 1000, districts.Biproportional))
}

// Norway-sized: 19 districts, 24 lists, 150 district + 19 leveling seats.
func BenchmarkLevelingNorway(b *testing.B) {
	benchChamber(b, synthetic(1, 19, 24, 150, districts.Leveling))
}
