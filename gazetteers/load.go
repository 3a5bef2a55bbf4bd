package gazetteers

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/newsfacts/newsfacts/internal/datafile"
)

// eachRow calls fn with the tab-separated fields of every data line of an
// embedded file (see datafile.Lines). Missing trailing fields are "".
func eachRow(file string, fields int, fn func(line int, f []string) error) error {
	data, ok := dataFiles[file]
	if !ok {
		return fmt.Errorf("gazetteers: no data file %s", file)
	}
	f := make([]string, fields)
	err := datafile.Lines("data/"+file, data, func(line int, l string) error {
		for i := range f {
			f[i] = ""
		}
		n := 0
		for l != "" && n < fields {
			if i := strings.IndexByte(l, '\t'); i >= 0 {
				f[n], l = l[:i], l[i+1:]
			} else {
				f[n], l = l, ""
			}
			n++
		}
		if l != "" {
			return fmt.Errorf("more than %d fields", fields)
		}
		return fn(line, f)
	})
	if err != nil {
		return fmt.Errorf("gazetteers: %w", err)
	}
	return nil
}

// aliasArena holds the alias lists of one loader's entries.
//
// NOTE: the lists are carved from shared arrays, not split and copied
// into two slices of their own for each entry: 90,000 fewer allocations
// at start-up, and 45,000 fewer objects for the garbage collector to mark
// at each cycle of the run (the places' alias lists).
type aliasArena struct{ buf []string }

// of returns the aliases of list ("|"-separated) less those equal to the
// name or repeated, or nil if none is left.
func (a *aliasArena) of(name, list string) []string {
	if list == "" {
		return nil
	}
	if n := strings.Count(list, "|") + 1; cap(a.buf)-len(a.buf) < n {
		a.buf = make([]string, 0, max(4096, n))
	}
	start := len(a.buf)
	for {
		x, rest, more := strings.Cut(list, "|")
		if x != "" && x != name && !contains(a.buf[start:], x) {
			a.buf = append(a.buf, x)
		}
		if !more {
			break
		}
		list = rest
	}
	if len(a.buf) == start {
		return nil
	}
	return a.buf[start:len(a.buf):len(a.buf)]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// levelOf returns the level of a level column of places.tsv.
//
// NOTE: a switch, not a map look-up, for each of the 46,000 rows.
func levelOf(s string) (Level, bool) {
	switch s {
	case "P":
		return Province, true
	case "C":
		return Prefecture, true
	case "D":
		return County, true
	case "Z":
		return Zone, true
	case "T":
		return Township, true
	}
	return 0, false
}

func (g *Gazetteer) loadPlaces(aliases *aliasArena) error {
	// Parents are given by code and always precede their children, except
	// the HK/MO/TW sub-regions, which follow every coded row.
	// NOTE: the rows of a parent's children follow one another (the file
	// is sorted by code), so the last parent found is remembered: most
	// rows, the 41,000 townships, skip the map look-up of their parent's
	// code.
	lastCode, lastParent := "", int32(-1)
	return eachRow("places.tsv", 5, func(_ int, f []string) error {
		lv, ok := levelOf(f[1])
		if !ok {
			return fmt.Errorf("unknown level %q", f[1])
		}
		p := Place{Code: f[0], Level: lv, Name: f[2], Aliases: aliases.of(f[2], f[3]), Parent: -1}
		if f[4] != "" {
			if f[4] != lastCode || lastParent < 0 {
				i, ok := g.byCode[f[4]]
				if !ok {
					return fmt.Errorf("parent %q of %s not defined before it", f[4], f[2])
				}
				lastCode, lastParent = f[4], i
			}
			p.Parent = lastParent
		}
		id := int32(len(g.Places))
		g.Places = append(g.Places, p)
		// NOTE: townships are never parents; leaving their 41,000 codes
		// out of the map saves start-up time. PlaceByCode finds them by
		// bisection (the file is sorted by code).
		if p.Code != "" && lv != Township {
			g.byCode[p.Code] = id
			if p.Code == lastCode {
				lastParent = id // the map's entry changed
			}
		}
		if p.Code != "" {
			g.nCoded = len(g.Places)
		}
		return nil
	})
}

var worldKinds = map[string]Level{"country": Country, "region": Region, "city": City,
	"cnregion": CNRegion, "feature": Feature, "landmark": Landmark}

// loadWorld loads a list in the columns of world.tsv (world.tsv itself,
// features.tsv).
func (g *Gazetteer) loadWorld(file string, aliases *aliasArena) error {
	return eachRow(file, 6, func(_ int, f []string) error {
		lv, ok := worldKinds[f[1]]
		if !ok {
			return fmt.Errorf("unknown kind %q", f[1])
		}
		p := Place{Code: f[0], Level: lv, Name: f[2], Aliases: aliases.of(f[2], f[3]), Parent: -1}
		if f[4] != "" {
			i, ok := g.byCode[f[4]]
			if !ok {
				return fmt.Errorf("parent %q of %s not defined before it", f[4], f[2])
			}
			p.Parent = i
		}
		switch f[5] {
		case "":
		case "word":
			p.Word = true
		default:
			return fmt.Errorf("unknown flag %q", f[5])
		}
		id := int32(len(g.Places))
		g.Places = append(g.Places, p)
		if p.Code != "" {
			if _, dup := g.byCode[p.Code]; dup {
				return fmt.Errorf("duplicate code %q", p.Code)
			}
			g.byCode[p.Code] = id
		}
		return nil
	})
}

func (g *Gazetteer) loadAbbrevs() error {
	named := g.provincesAndCountries()
	return eachRow("abbreviations.tsv", 3, func(_ int, f []string) error {
		r, n := utf8.DecodeRuneInString(f[0])
		if n != len(f[0]) || n == 0 {
			return fmt.Errorf("abbreviation %q is not one character", f[0])
		}
		a := Abbrev{Country: -1, Province: -1}
		if f[1] != "" {
			a.Country = g.placeNamed(named, f[1], Country, Region)
			if a.Country < 0 {
				return fmt.Errorf("unknown country or region %q", f[1])
			}
		}
		if f[2] != "" {
			a.Province = g.placeNamed(named, f[2], Province, Province)
			if a.Province < 0 {
				return fmt.Errorf("unknown province %q", f[2])
			}
		}
		g.Abbrevs[r] = a
		return nil
	})
}

// provincesAndCountries returns the provinces and the places of the world
// list up to Region by name, each name's in index order: all that the
// abbreviation table looks up.
//
// NOTE: placeNamed went through all 46,000 places for each of the
// table's names: 61 M of the 934 M instructions of a one-document run
// (cachegrind).
func (g *Gazetteer) provincesAndCountries() map[string][]int32 {
	named := make(map[string][]int32, 512)
	for i := range g.Places {
		p := &g.Places[i]
		if p.Level != Province && !(p.Level >= Country && p.Level <= Region) {
			continue
		}
		named[p.Name] = append(named[p.Name], int32(i))
	}
	return named
}

// placeNamed returns the first place named s with a level in [lo, hi], or
// -1; named is what provincesAndCountries returns.
func (g *Gazetteer) placeNamed(named map[string][]int32, s string, lo, hi Level) int32 {
	for _, i := range named[s] {
		if p := &g.Places[i]; p.Level >= lo && p.Level <= hi {
			return i
		}
	}
	return -1
}

func (g *Gazetteer) loadOrgs(file string, kind OrgKind, aliases *aliasArena) error {
	return eachRow(file, 3, func(_ int, f []string) error {
		if f[0] == "" {
			return fmt.Errorf("empty name")
		}
		g.Orgs = append(g.Orgs, Org{Name: f[0], Aliases: aliases.of(f[0], f[1]), Kind: kind, Class: f[2]})
		return nil
	})
}

func (g *Gazetteer) loadDepts(aliases *aliasArena) error {
	return eachRow("departments.tsv", 5, func(_ int, f []string) error {
		if f[0] == "" {
			return fmt.Errorf("empty name")
		}
		d := Department{Name: f[0], Aliases: aliases.of(f[0], f[1]), Class: f[2], Template: f[3]}
		switch f[4] {
		case "":
		case "bare":
			d.Bare = true
		default:
			return fmt.Errorf("unknown flag %q", f[4])
		}
		g.Depts = append(g.Depts, d)
		return nil
	})
}

func (g *Gazetteer) loadZones() error {
	return eachRow("zones.tsv", 2, func(_ int, f []string) error {
		z := ZoneSuffix{Text: f[0], Full: f[1]}
		if z.Full == "" {
			z.Full = z.Text
		}
		g.Zones = append(g.Zones, z)
		return nil
	})
}

func (g *Gazetteer) loadSuffixes() error {
	return eachRow("suffixes.tsv", 3, func(_ int, f []string) error {
		x := Suffix{Text: f[0], Class: f[1]}
		if utf8.RuneCountInString(x.Text) == 1 {
			x.Strict = true
		}
		for _, fl := range splitFlags(f[2]) {
			switch fl {
			case "single":
				x.Single = true
			case "prefix":
				x.Prefix = true
			case "generic":
				x.Generic = true
			case "named":
				x.Named = true
			case "strict":
				x.Strict = true
			case "numbered":
				x.Numbered = true
			case "unit":
				x.Unit = true
			case "after":
				x.After = true
			default:
				return fmt.Errorf("unknown flag %q", fl)
			}
		}
		g.Suffixes = append(g.Suffixes, x)
		return nil
	})
}

func splitFlags(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
