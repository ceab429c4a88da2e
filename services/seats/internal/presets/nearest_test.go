package presets

import "testing"

func TestNearest(t *testing.T) {
	for _, p := range All() {
		if got := Nearest(p.ID); got != p.ID {
			t.Errorf("Nearest(%q) = %q, want itself", p.ID, got)
		}
	}
	tests := []struct{ typo, want string }{
		{"kz-mazilis-2009", "kz-mazhilis-2009"},
		{"kz-mazhilis-209", "kz-mazhilis-2009"},
		{"KZ-MAZHILIS-2007", "kz-mazhilis-2007"},
	}
	for _, tt := range tests {
		if _, ok := Get(tt.want); !ok {
			t.Fatalf("test preset %s missing", tt.want)
		}
		if got := Nearest(tt.typo); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.typo, got, tt.want)
		}
	}
	if d := distance("kitten", "sitting"); d != 3 {
		t.Errorf("distance(kitten, sitting) = %d, want 3", d)
	}
}
