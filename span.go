package newsfacts

// Span is a half-open byte range of Doc.Text and the rule that found it.
type Span struct {
	// Start and End are byte offsets into Doc.Text; Text[Start:End] is the
	// span's surface text.
	Start, End int
	// Rule names the rule, list or method that produced the span. It is
	// written to the output (entities.method, metrics.rule, dates.rule) so
	// that every row can be traced back to what made it.
	Rule string
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// EntityType is the type of an Entity.
type EntityType string

// Entity types.
const (
	ORG   EntityType = "ORG"
	PLACE EntityType = "PLACE"
)

// Entity is an organisation or place mention.
type Entity struct {
	Span
	// Type is ORG or PLACE.
	Type EntityType
	// Name is the canonical full name (株洲 → 株洲市, 市住建局 → 株洲市住房和城乡建设局
	// when the city is known, else 市住房和城乡建设局).
	Name string
	// Code is the administrative-division code for places (430204), else "".
	Code string
	// Parent is the enclosing administrative area (湖南省株洲市), else "".
	Parent string
}

// MetricKind classifies a metric.
type MetricKind string

// Metric kinds.
const (
	KindNumber   MetricKind = "number"   // a bare count with no unit
	KindQuantity MetricKind = "quantity" // a count or measure with a unit
	KindMoney    MetricKind = "money"    // an amount of currency
	KindPercent  MetricKind = "percent"  // a share or rate, unit % or 百分点
	KindChange   MetricKind = "change"   // a change: direction and/or from/to
	KindRank     MetricKind = "rank"     // a position: 全市第一, 排名第3
)

// Qualifier says how a value bounds the true figure.
type Qualifier string

// Qualifiers.
const (
	QualNone   Qualifier = ""
	QualOver   Qualifier = "over"   // 余, 多, 超过, 以上, 突破, 逾
	QualUnder  Qualifier = "under"  // 以内, 以下, 不足, 不到, 近
	QualApprox Qualifier = "approx" // 约, 左右, 上下, 大约
)

// Direction is the direction of a change.
type Direction string

// Directions.
const (
	DirNone Direction = ""
	DirUp   Direction = "up"
	DirDown Direction = "down"
)

// Metric is one figure in the text, resolved.
type Metric struct {
	Span
	// Subject is what is measured (企业微信群, 审批, 满意度), or "".
	Subject string
	// SubjectRule names the rule that chose Subject ("" when Subject is
	// empty); docs/metrics.md lists the rules.
	SubjectRule string
	// Indicator is the canonical name of the catalogued indicator that
	// Subject names (地区生产总值, 城镇新增就业), or "" when none does.
	Indicator string
	// Target is true for a planned, expected or required figure (预期目标,
	// 力争, 确保, 到2027年达到) rather than a result.
	Target bool
	// Kind classifies the figure.
	Kind MetricKind
	// Value is the figure with magnitude words folded in (1.2万 → 12000).
	Value float64
	// Unit is the unit or classifier as written, without the magnitude
	// (户, 元, 美元, 工作日, %, 百分点), or "".
	Unit string
	// Qualifier bounds the value (余 → over, 以内 → under, 约 → approx).
	Qualifier Qualifier
	// Direction is the direction of a change, or "".
	Direction Direction
	// From and To are the two ends of a transition (由A…为B); To alone for a
	// change with only a target (压缩至3个工作日).
	From, To Opt[float64]
	// Baseline names what a change compares with: "yoy" (同比), "mom" (环比),
	// or another documented value; "" when none is stated.
	Baseline string
	// OrgID, PlaceID and DateID link the metric to the entity or date it is
	// about, as indexes into Doc.Entities and Doc.Dates.
	OrgID, PlaceID, DateID Opt[int32]
	// LinkRule names the rules that made those links ("date: clause;
	// place: document scope"), "" when none was made.
	LinkRule string
}

// Granularity is the size of the period a Date denotes.
type Granularity string

// Granularities.
const (
	GrainDay     Granularity = "day"
	GrainMonth   Granularity = "month"
	GrainQuarter Granularity = "quarter"
	GrainHalf    Granularity = "half"
	GrainYear    Granularity = "year"
	GrainSpan    Granularity = "span" // any other range: 1至11月, 2021年以来, 近日
)

// Date is a date or period expression, resolved against the reference date.
type Date struct {
	Span
	// From and To are the first and last day covered, inclusive. An open
	// range (2021年以来 has both; 截至6月底 has only To) leaves one unset;
	// an expression that cannot be resolved (no reference date) leaves both.
	From, To Opt[Day]
	// Granularity is the size of the period.
	Granularity Granularity
	// Relative is true when the resolution used the reference date.
	Relative bool
	// Frame is true when the date is a period that a statistic in its
	// clause or sentence can be about (今年一季度，…; 截至6月底，…), so that
	// a figure after it may be linked to it: years, quarters, halves,
	// months, cumulative months, parts of a year or month, ranges, open
	// ranges, counted periods and plans. Days, weekdays, weeks and 近日
	// are not: they usually date an event or the report itself. The date
	// extractor sets it from its rule (see the Frame column of
	// docs/dates.md); it is not written to the dates table.
	Frame bool
}
