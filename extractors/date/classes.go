package date

import (
	"strings"
)

// Token classes: the element names of the rule patterns (see rules.go). A
// token may belong to several classes at once (2022年 is a year Y and a
// count of years DURY); a pattern element matches a token when they share a
// class.
const (
	cY       uint64 = 1 << iota // a year that may stand alone: 2022年, 二〇二二年, 康熙三年
	cYC                         // a year only before a month: 18年, 两千零四年, 1357年
	cM                          // a month: 3月, 十一月, 6月份
	cD                          // a day of the month: 29日, 12号
	cDN                         // a day without 日 after a month: (八月)十五
	cQ                          // a quarter: 一季度, 第三季度
	cDURY                       // a count of years: 三年
	cDURM                       // a count of months: 5个月
	cDURW                       // a count of weeks: 1周, 两个星期
	cDURD                       // a count of days: 7天, 30日
	cDURQ                       // a count of quarters: 三季度 (in 前三季度)
	cDEC                        // a decade: 90年代
	cCENT                       // a century: 20世纪
	cN                          // a bare number: 1 (in 1至11月)
	cNUM                        // a bare number in digits
	cSEP                        // - / . between digits
	cCONN                       // a range connector: 至 到 — ~
	cRY                         // 今年 去年 …
	cRM                         // 本月 上个月 …
	cRD                         // 今天 昨天 …
	cRW                         // 本周 上周 …
	cRWE                        // 下周末 …
	cWD                         // 星期一 周三 …
	cYP                         // 年初 年底 …
	cMP                         // 月初 月底 …
	cPART                       // 底 末 初 中 after a year, month or quarter
	cXUN                        // 上旬 中旬 下旬
	cH                          // 上半年 下半年
	cSEASON                     // 春季 夏天 …
	cCUM                        // 前, 头 (前5个月)
	cNEAR                       // 近, 最近, 过去 (近三年)
	cPREV                       // 上 (上2个月)
	cFUT                        // 未来, 今后, 后 (未来两天)
	cLAI                        // 来 after a count (三年来)
	cSINCE                      // 以来, 至今
	cUNTIL                      // 截至, 截止
	cNOW                        // 目前, 当前 (截至目前)
	cND                         // 近日, 日前, 最近
	cLUN                        // 农历, 阴历
	cLM                         // 正月, 腊月
	cLD                         // 初一 … 初十
	cLH                         // 大年初一, 除夕
	cFROM                       // 从, 自
	cAND                        // 与 (A与B之间)
	cBETWEEN                    // 间, 之间
	cAFTER                      // 之后, 以后
	cBEFORE                     // 之前, 以前
	cCENTREL                    // 上世纪, 本世纪
	cFYP                        // a five-year plan: “十四五”
	cFYPSUF                     // 时期, 期间 after a plan
	cHOL                        // a holiday on a fixed Gregorian day: 元旦, 国庆节
	cST                         // a holiday on a solar term: 清明节
	cHP                         // 假期, 期间, 黄金周 … after a holiday
	cEV                         // an event a period is dated from: 十八大
	cAD                         // a day relative to an earlier date: 当天, 次日
	cAM                         // a month relative to an earlier date: 当月
	cAY                         // a year relative to an earlier date: 同年, 次年
	cRDR                        // two days from the reference: 今明两天
	cRYR                        // two years from the reference: 今明两年
	cVAGUE                      // recent years without a count: 近年来
	cTIME                       // a time of day after a day: 上午10点
	cX                          // a whole first-layer expression (second-layer patterns only)
	cCY                         // 春运, the Spring Festival travel season
	cNTH                        // the Nth day of a period: 首日, 第3天, 最后一天 (in 春运第3天)
)

var classList = []struct {
	name string
	c    uint64
}{
	{"Y", cY}, {"YC", cYC}, {"M", cM}, {"D", cD}, {"DN", cDN}, {"Q", cQ},
	{"DURY", cDURY}, {"DURM", cDURM}, {"DURW", cDURW}, {"DURD", cDURD}, {"DURQ", cDURQ},
	{"DEC", cDEC}, {"CENT", cCENT}, {"N", cN}, {"NUM", cNUM}, {"SEP", cSEP}, {"CONN", cCONN},
	{"RY", cRY}, {"RM", cRM}, {"RD", cRD}, {"RW", cRW}, {"RWE", cRWE}, {"WD", cWD},
	{"YP", cYP}, {"MP", cMP}, {"PART", cPART}, {"XUN", cXUN}, {"H", cH}, {"SEASON", cSEASON},
	{"CUM", cCUM}, {"NEAR", cNEAR}, {"PREV", cPREV}, {"FUT", cFUT}, {"LAI", cLAI},
	{"SINCE", cSINCE}, {"UNTIL", cUNTIL}, {"NOW", cNOW}, {"ND", cND},
	{"LUN", cLUN}, {"LM", cLM}, {"LD", cLD}, {"LH", cLH},
	{"FROM", cFROM}, {"AND", cAND}, {"BETWEEN", cBETWEEN}, {"AFTER", cAFTER}, {"BEFORE", cBEFORE},
	{"CENTREL", cCENTREL}, {"FYP", cFYP}, {"FYPSUF", cFYPSUF},
	{"HOL", cHOL}, {"ST", cST}, {"HP", cHP}, {"EV", cEV},
	{"AD", cAD}, {"AM", cAM}, {"AY", cAY},
	{"RDR", cRDR}, {"RYR", cRYR}, {"VAGUE", cVAGUE}, {"TIME", cTIME}, {"X", cX},
	{"CY", cCY}, {"NTH", cNTH},
}

// classByName returns the classes named by s: one name, or several joined
// by "|".
func classByName(s string) (uint64, bool) {
	var out uint64
	for _, n := range strings.Split(s, "|") {
		found := false
		for _, c := range classList {
			if c.name == n {
				out |= c.c
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return out, true
}

// anchors are the classes that make a run of tokens worth matching: a run
// of bare numbers, connectors and prefixes (前, 从 …) holds no date.
const anchors = cY | cYC | cM | cD | cQ | cDURY | cDURM | cDURW | cDURD | cDURQ | cDEC |
	cRY | cRM | cRD | cRW | cRWE | cWD | cYP | cMP | cXUN | cH | cND | cLUN | cLM | cLD | cLH |
	cFYP | cCENTREL | cNOW | cHOL | cST | cEV | cAD | cAM | cAY | cRDR | cRYR | cVAGUE | cCY
