package org_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsfacts/newsfacts/extractors/gazseg"
	"github.com/newsfacts/newsfacts/extractors/org"
	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/gazetteers"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/ruletest"
)

type finders struct {
	places *place.Finder
	orgs   *org.Finder
}

func newFinders(user []gazetteers.UserEntry) (finders, error) {
	g, seg, err := gazseg.Load(user)
	if err != nil {
		return finders{}, err
	}
	return finders{place.New(g, seg), org.New(g, seg, seg)}, nil
}

var (
	plain = sync.OnceValues(func() (finders, error) { return newFinders(nil) })
	user  = sync.OnceValues(func() (finders, error) {
		return newFinders([]gazetteers.UserEntry{{Name: "晋通", Type: gazetteers.UserTypeOrg, Canonical: "湖南晋通物流有限公司"}})
	})
)

// orgs returns the organisations of text as "surface|name|method".
func orgs(t *testing.T, fd func() (finders, error), text string) []string {
	t.Helper()
	f, err := fd()
	if err != nil {
		t.Fatal(err)
	}
	g := f.places
	ps := g.Resolve(text, g.FindText(text), place.Context{})
	home := g.HomeOf(ps, place.Context{})
	hits := hitsOf(f, text)
	var out []string
	for _, e := range f.orgs.Resolve(text, f.orgs.Find(text, hits, ps), org.Context{Places: ps, Home: home}) {
		out = append(out, fmt.Sprintf("%s|%s|%s", text[e.Start:e.End], e.Name, e.Rule))
	}
	return out
}

func hitsOf(f finders, text string) []gazetteers.Hit {
	return f.orgs.Gazetteer().Match(text, nil)
}

type example struct {
	rule string
	text string
	want []string // "surface|name|method"
	not  []string // "surface" or "surface|name|method" prefixes that must not appear
	user bool
}

var examples = []example{
	{rule: "list", text: "国务院发布通知。", want: []string{"国务院|中华人民共和国国务院|list:central"}},
	{rule: "list", text: "中车株机与中车株所签订合同。", want: []string{"中车株机|中车株洲电力机车有限公司|list:enterprise", "中车株所|中车株洲电力机车研究所有限公司|list:enterprise"}},
	{rule: "list", text: "项目报建行政审批全流程提速。", not: []string{"建行"}},
	{rule: "list", text: "最高法院作出终审判决。", not: []string{"最高法"}},
	// A two-character word across the end of a listed name (织成, 部副) is
	// a chance pairing unless the segmenter agrees (大学生).
	{rule: "list", text: "庆祝世界卫生组织成立五十周年，财政部副部长出席。", want: []string{"世界卫生组织|世界卫生组织|list:international", "财政部|财政部|list:central"}},
	{rule: "list", text: "北京大学生参加活动。", not: []string{"北京大学"}},
	// A country before a listed body of its own, a place before a listed
	// enterprise, a company suffix after one: one organisation.
	{rule: "list", text: "中国国家教委印发通知，深圳华为公司与迪斯尼公司签约。", want: []string{"中国国家教委|国家教育委员会|list:central", "深圳华为公司|华为技术有限公司|list:enterprise", "迪斯尼公司|迪士尼公司|list:enterprise"}},
	{rule: "list", text: "美国欧盟代表团抵达，国务院办公室发出通知。", want: []string{"欧盟|欧洲联盟|list:international"}, not: []string{"美国欧盟", "国务院办公室|中华人民共和国国务院|"}},
	// Issue 10: railway bureaus, short forms of national bodies, the
	// democratic parties' central committees.
	{rule: "list", text: "国铁南昌局和沈阳铁路局加开列车，全总、民革中央、致公党中央发出倡议。", want: []string{"国铁南昌局|中国铁路南昌局集团有限公司|list:enterprise", "沈阳铁路局|中国铁路沈阳局集团有限公司|list:enterprise", "全总|中华全国总工会|list:central", "民革中央|中国国民党革命委员会中央委员会|list:central", "致公党中央|中国致公党中央委员会|list:central"}},
	{rule: "list", text: "他是全总经理，向党中央报告，兵团作战。", not: []string{"全总", "致公党中央", "兵团"}},
	// More international bodies, foreign movements and armed groups.
	{rule: "list", text: "哈马斯和塔利班发表声明，亚足联与南共体举行会议。", want: []string{"哈马斯|伊斯兰抵抗运动|list:international", "塔利班|塔利班|list:international", "亚足联|亚洲足球联合会|list:international", "南共体|南部非洲发展共同体|list:international"}},
	{rule: "list", text: "坚持绿色和平发展，训练基地组织学员参观。", not: []string{"绿色和平", "基地组织"}},
	{rule: "list", text: "日本外务省和大藏省官员出席。", want: []string{"日本外务省|日本外务省|list:international", "大藏省|日本大藏省|list:international"}},
	{rule: org.MethodUser, user: true, text: "晋通的货车开进了园区。", want: []string{"晋通|湖南晋通物流有限公司|user"}},
	{rule: org.MethodUser, user: true, text: "道路通晋城。", not: []string{"晋通"}},
	{rule: org.MethodDept, text: "住建局发布了通知。", want: []string{"住建局|住房和城乡建设局|dept"}},
	{rule: org.MethodDept, text: "委托代理机构办理，局部地区有雨。", not: []string{"委", "局"}},
	{rule: org.MethodDeptPlace, text: "石峰区行政审批局开展培训。", want: []string{"石峰区行政审批局|株洲市石峰区行政审批服务局|dept+place"}},
	{rule: org.MethodDeptPlace, text: "湖南省发改委印发方案，株洲市委召开全会。", want: []string{"湖南省发改委|湖南省发展和改革委员会|dept+place", "株洲市委|中共株洲市委员会|dept+place"}},
	{rule: org.MethodDeptPlace, text: "石峰区行政审批改革取得成效。", not: []string{"石峰区行政审批"}},
	{rule: org.MethodDeptPlace, text: "监利县委决定，阿城市委常委出席，湖南省作协发布通知。", want: []string{"监利县委|中共监利市委员会|dept+place", "阿城市委|中共哈尔滨市阿城区委员会|dept+place", "湖南省作协|湖南省作家协会|dept+place"}},
	{rule: org.MethodDeptPlace, text: "香港特区政府和澳门特区政府办公室发布消息。", want: []string{"香港特区政府|香港特别行政区政府|dept+place", "澳门特区政府办公室|澳门特别行政区政府办公室|dept+place"}, not: []string{"香港特区政府|香港特别行政区人民政府"}},
	{rule: org.MethodDeptPlace, text: "监利县城的面貌焕然一新，阿城市场很热闹。", not: []string{"监利县城", "阿城市场"}},
	{rule: org.MethodDept, text: "团县委和团省委号召青年。", want: []string{"团县委|共青团县委员会|dept", "团省委|共青团省委员会|dept"}},
	{rule: org.MethodDept, text: "集团县委托管，兵团县委员会议。", not: []string{"团县委"}},
	{rule: org.MethodDeptLevel, text: "市资规局召开会议。", want: []string{"市资规局|市自然资源和规划局|dept+level"}},
	{rule: org.MethodDeptLevel, text: "城市资规局召开会议。", not: []string{"市资规局", "城市资规局"}},
	{rule: org.MethodDeptHome, text: "株洲市召开大会，株洲的企业到市资规局对接，市委宣传部参加。", want: []string{"市资规局|株洲市自然资源和规划局|dept+article-place", "市委宣传部|中共株洲市委宣传部|dept+article-place"}},
	{rule: org.MethodDeptHome, text: "北京和上海的企业到市住建局对接。", not: []string{"市住建局|北京", "市住建局|上海"}},
	{rule: org.MethodSuffix, text: "晋通公司在微信中反映难题，围绕智融公司的问题作了回复。", want: []string{"晋通公司|晋通公司|suffix", "智融公司|智融公司|suffix"}},
	// A long name of common words before a long suffix; a rare verb is a
	// noun of the name (编译), not the predicate before it.
	{rule: org.MethodSuffix, text: "他批评联邦贸易委员会的做法，中央民族歌舞团演出。", want: []string{"联邦贸易委员会|联邦贸易委员会|suffix"}},
	{rule: org.MethodSuffix, text: "市委召开专门委员会会议，他们成立了委员会。", not: []string{"专门委员会", "召开专门委员会", "成立了委员会"}},
	{rule: org.MethodSuffix, text: "该公司表示，这家公司和保险公司都在方舱医院提供服务，全部干部出席。", not: []string{"该公司", "这家公司", "家公司", "保险公司", "方舱医院", "全部", "干部"}},
	{rule: org.MethodSuffixPlace, text: "株洲日报记者报道，湖南晋通公司新基地开工，中国队获得冠军。", want: []string{"株洲日报|株洲日报|suffix+place", "湖南晋通公司|湖南晋通公司|suffix+place", "中国队|中国队|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "美国公司进入中国市场，北京大学生参加活动。", not: []string{"美国公司", "北京大学"}},
	// Words the dictionary tags as time or numerals (青年, 少年) and rare
	// verbs (雇主) inside a name; a one-character suffix after a place
	// (日本队, not 本队); a bank named by its country; a body of an
	// organisation (国税局党组).
	{rule: org.MethodSuffixPlace, text: "法国雇主协会和中国青年志愿者协会举行会议。", want: []string{"法国雇主协会|法国雇主协会|suffix+place", "中国青年志愿者协会|中国青年志愿者协会|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "日本队战胜了对手，瑞士银行发布报告，福州市国税局党组召开会议。", want: []string{"日本队|日本队|suffix+place", "瑞士银行|瑞士银行|suffix+place", "福州市国税局党组|福州市国税局党组|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "他是本队队长，这家银行表示，美国成为会员国。", not: []string{"本队", "这家银行", "家银行", "美国成为会员国"}},
	// Units of a listed organisation: a suffix of another kind right after
	// it, or a name and a suffix (a set phrase such as 自然科学 is a noun of
	// the name); the unit is named as written when the registered name only
	// adds to the end (人民日报 → 人民日报社). Not a company or team suffix
	// (华为公司 is the enterprise), not 组织 (the verb), not a level word
	// starting a second body (省委省政府).
	{rule: org.MethodSuffixPlace, text: "人民日报出版社出版了新书，国务院防汛抗旱指挥部发出通知，中国科学院自然科学史研究所发布成果。", want: []string{"人民日报出版社|人民日报出版社|suffix+place", "国务院防汛抗旱指挥部|中华人民共和国国务院防汛抗旱指挥部|suffix+place", "中国科学院自然科学史研究所|中国科学院自然科学史研究所|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "财政部组织开展检查，湖北省委省政府作出部署，中国作协组织作家采风。", want: []string{"财政部|财政部|list:central", "湖北省委|中共湖北省委员会|dept+place"}, not: []string{"财政部组织", "湖北省委省政府", "中国作协组织"}},
	// A head's title after the suffix (团长, 厂长) is no word across its
	// end (团团); another word still is (学习 across 中学).
	{rule: org.MethodSuffixPlace, text: "巴西代表团团长表示满意，湖南新宁水泥厂厂长出席。", want: []string{"巴西代表团|巴西代表团|suffix+place", "湖南新宁水泥厂|新宁水泥厂|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "湖南干部集中学习校长讲话。", not: []string{"湖南干部集中学", "集中学"}},
	// Round 2 of issue 10: a unit numbered after its place or
	// organisation; a word tagged as a numeral that holds none, between a
	// place and the suffix; a middle dot inside a transliterated name; a
	// naval formation after its country.
	{rule: org.MethodSuffixPlace, text: "长沙六十中学的老师和交警四中队、浏阳市第三小学的学生，洛阳海鸥队与山西少儿社都来了。", want: []string{"长沙六十中学|长沙六十中学|suffix+place", "浏阳市第三小学|浏阳市第三小学|suffix+place", "洛阳海鸥队|洛阳海鸥队|suffix+place", "山西少儿社|山西少儿社|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "全市有三所中学，长沙两家医院和100所学校参加，2001年人寿公司成立，在点票中心观看，成立湖南首个茶叶联盟，东北地区组织货运。", not: []string{"长沙两家医院", "三所中学", "所中学", "100所学校", "年人寿公司", "点票中心", "湖南首个茶叶联盟", "东北地区组织"}},
	{rule: org.MethodSuffix, text: "他到约翰·卡特大学讲学，与斯坦·格林公司合作。", want: []string{"约翰·卡特大学|约翰·卡特大学|suffix", "斯坦·格林公司|斯坦·格林公司|suffix"}},
	{rule: org.MethodSuffix, text: "他说·卡特大学很好。", not: []string{"·卡特大学", "说·卡特大学"}},
	{rule: org.MethodSuffixPlace, text: "由英国海军舰艇编队护航，编队今天起航。", want: []string{"英国海军舰艇编队|英国海军舰艇编队|suffix+place"}, not: []string{"编队"}},
	// Units inside an organisation (司, 处, 科, 系): an organisation, a name,
	// the unit's suffix; 系 after a school only. Not after a place alone,
	// not after a head's title (a person's name follows), not the verb 系.
	{rule: org.MethodSuffixPlace, text: "据交通运输部公路规划司介绍，湘雅医院宣传科主任和清华大学物理系教授出席，市政府研究处发布报告。", want: []string{"交通运输部公路规划司|交通运输部公路规划司|suffix+place", "湘雅医院宣传科|湘雅医院宣传科|suffix+place", "清华大学物理系|清华大学物理系|suffix+place", "市政府研究处|市人民政府研究处|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "湖南农村科技司发文，世卫组织总干事谭德塞讲话，联合国秘书长科菲出席，交通运输部火灾系人为所致，清华大学处理此事，湘雅医院外科很忙。", not: []string{"湖南农村科技司", "世卫组织总干事谭德塞", "联合国秘书长科", "交通运输部火灾系", "清华大学处", "湘雅医院外科"}},
	// A country's one-character abbreviation at the start of a clause
	// stands for the country before a name and a suffix; not a syllable
	// of a name (瑞海, 奥体, 罗昊), not a word's first character (美术).
	{rule: org.MethodSuffixPlace, text: "据报道，俄电视广播公司和乌国家通讯社发布消息，与柬宪法委员会会谈。", want: []string{"俄电视广播公司|俄电视广播公司|suffix+place", "乌国家通讯社|乌国家通讯社|suffix+place", "柬宪法委员会|柬宪法委员会|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "瑞海公司仓库起火，奥体中心开放，罗昊送往医院，美术学院招生。", not: []string{"瑞海公司|瑞海公司|suffix+place", "奥体中心|奥体中心|suffix+place", "罗昊送往医院|罗昊送往医院|suffix+place", "美术学院|美术学院|suffix+place"}},
	// 报 after a place and nouns names a newspaper; not a report (瞒报), a
	// kind of paper (机关报) nor an index's close (指数报).
	{rule: org.MethodSuffixPlace, text: "据中国贸易报报道，哈萨克斯坦真理报和埃及金字塔报也刊文。", want: []string{"中国贸易报|中国贸易报|suffix+place", "哈萨克斯坦真理报|哈萨克斯坦真理报|suffix+place", "埃及金字塔报|埃及金字塔报|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "纽约州瞒报病例，俄罗斯政府机关报发文，香港恒生指数报27000点，湖南上报数据。", not: []string{"纽约州瞒报", "俄罗斯政府机关报", "香港恒生指数报", "湖南上报"}},
	// 交警 after a place is its traffic police; a number after an
	// organisation before a numbered unit's suffix is the unit's
	// (北京大学第三医院, 解放军302医院, 交警三中队).
	{rule: org.MethodSuffixPlace, text: "济南交警加强巡逻，北京大学第三医院和解放军302医院派出医生，沈阳交警三中队出动。", want: []string{"济南交警|济南交警|suffix+place", "北京大学第三医院|北京大学第三医院|suffix+place", "解放军302医院|中国人民解放军302医院|suffix+place", "沈阳交警三中队|沈阳交警三中队|suffix+place"}},
	{rule: org.MethodSuffixPlace, text: "一名交警在路口执勤，北京大学三所医院参加。", not: []string{"交警", "北京大学三所医院"}},
	// 企业集团 is a company suffix; the generic 企业 before 集团 does not end
	// the name there.
	{rule: org.MethodSuffixPlace, text: "广东宏达企业集团捐款，他们组建大型企业集团。", want: []string{"广东宏达企业集团|广东宏达企业集团|suffix+place"}, not: []string{"大型企业集团", "企业集团"}},
	// Countries standing for their national teams.
	{rule: org.MethodTeam, text: "排球赛四强产生：A组的巴西、意大利，B组的日本、古巴。", want: []string{"巴西|巴西队|team", "意大利|意大利队|team", "日本|日本队|team", "古巴|古巴队|team"}},
	{rule: org.MethodTeam, text: "他们将迎战荷兰、瑞典等强队，英国与法国队的比赛在明天。", want: []string{"荷兰|荷兰队|team", "瑞典|瑞典队|team", "英国|英国队|team", "法国队|法国队|suffix+place"}},
	{rule: org.MethodTeam, text: "英国、德国和法国的股市上涨，工作组的美国、日本代表出席，比赛在巴西、阿根廷举行。", not: []string{"英国", "德国", "法国", "美国", "日本", "巴西", "阿根廷"}},
	{rule: org.MethodSuffixFull, text: "湖南晋通公司新基地开工，晋通公司表示满意。", want: []string{"晋通公司|湖南晋通公司|suffix+context"}},
	{rule: org.MethodSuffixFull, text: "晋通公司表示满意。", not: []string{"晋通公司|湖南晋通公司"}},
	// Publications named by their title, organisations by a quoted name.
	{rule: org.MethodTitle, text: "据法国《晨星周刊》报道，《滨海公民报》发行人说，《时光》杂志和英国《星云》周刊也刊文。", want: []string{"晨星周刊|晨星周刊|title", "滨海公民报|滨海公民报|title", "《时光》杂志|《时光》杂志|title", "英国《星云》周刊|英国《星云》周刊|title"}},
	{rule: org.MethodTitle, text: "《政府工作报告》指出，《联合公报》发表，《春天》一书出版。", not: []string{"政府工作报告", "联合公报", "《春天》"}},
	{rule: org.MethodQuoted, text: "他们成立了“山区教育发展联盟”，印度“星光”艺术团来访。", want: []string{"山区教育发展联盟|山区教育发展联盟|quoted", "印度“星光”艺术团|印度“星光”艺术团|quoted"}},
	{rule: org.MethodQuoted, text: "坚持“以群众为中心”，建成“五个中心”和“帐篷医院”，“爱心银行”受欢迎，获评“基层建设模范中队”。", not: []string{"以群众为中心", "五个中心", "帐篷医院", "基层建设模范中队"}},
	// A body that countries form together.
	{rule: org.MethodJoint, text: "中、韩联合考察队抵达山区，中国、蒙古联合考古队出发，中哈合作委员会召开会议。", want: []string{"中、韩联合考察队|中、韩联合考察队|joint", "中国、蒙古联合考古队|中国、蒙古联合考古队|joint", "中哈合作委员会|中哈合作委员会|joint"}},
	{rule: org.MethodJoint, text: "日本和美国政府表示关切，马里和法国军队进城，中美两国代表团会谈。", not: []string{"日本和美国政府", "马里和法国军队", "中美两国代表团"}},
	// A body named with its numbered term.
	{rule: org.MethodTerm, text: "提请九届全国人大常委会审议，第十届全国人民代表大会开幕，五届人大常委会和湖南省第十三届人大常委会召开会议。", want: []string{"九届全国人大常委会|九届全国人民代表大会常务委员会|term", "第十届全国人民代表大会|第十届全国人民代表大会|term", "五届人大常委会|五届人民代表大会常务委员会|term", "湖南省第十三届人大常委会|湖南省第十三届人民代表大会常务委员会|term"}},
	{rule: org.MethodTerm, text: "他连任两届全国人大代表，本届全国人大常委会任期五年，首届国家统计局长，十一届三中全会召开。", want: []string{"全国人大常委会|全国人民代表大会常务委员会|list:central"}, not: []string{"两届", "本届", "首届", "届国家统计局"}},
	{rule: org.MethodListCountry, text: "印度外交部发表声明。", want: []string{"印度外交部|印度外交部|list+country"}},
	{rule: org.MethodListCountry, text: "外交部发言人表示欢迎。", not: []string{"外交部|外交部|list+country"}},
	// 海军, 空军 and 陆军 are the forces, 国家队 the national team, of the
	// country in question.
	{rule: org.MethodListCountry, text: "海军副司令员出席，美国海军舰艇和伊朗空军战机参加演习，国家队集中训练，巴西国家队抵达。", want: []string{"海军|海军|list:international", "美国海军|美国海军|list+country", "伊朗空军|伊朗空军|list+country", "国家队|国家队|list:international", "巴西国家队|巴西国家队|list+country"}},
	{rule: org.MethodListCountry, text: "英国内政部和以色列工党发表声明。", want: []string{"英国内政部|英国内政部|list+country", "以色列工党|以色列工党|list+country"}},
	{rule: org.MethodListCountry, text: "中国工党代表团访问，内政部表示。", not: []string{"中国工党", "内政部|内政部|list+country"}},
}

func TestExamples(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.rule+"/"+ex.text, func(t *testing.T) {
			fd := plain
			if ex.user {
				fd = user
			}
			got := orgs(t, fd, ex.text)
			for _, w := range ex.want {
				if !slices.Contains(got, w) {
					t.Errorf("got %q, want it to hold %q", got, w)
				}
			}
			for _, n := range ex.not {
				for _, g := range got {
					if strings.HasPrefix(g, n) && (strings.Contains(n, "|") || strings.HasPrefix(g, n+"|")) {
						t.Errorf("got %q, want none like %q", g, n)
					}
				}
			}
		})
	}
}

// TestEveryRuleHasExamples fails when a method (every Method… constant of
// the package) has no positive or no negative example, or a rule is not
// one of the methods.
func TestEveryRuleHasExamples(t *testing.T) {
	counts := ruletest.Count(examples, func(ex example) (string, bool, bool) { return ex.rule, len(ex.want) > 0, len(ex.not) > 0 })
	ruletest.CheckMethods(t, ".", org.RuleNames(), counts)
}

// TestFindInMarked checks that FindInMarked, given the opening marks the
// gazetteer match listed (with other characters among them), finds what
// FindIn finds with its own byte searches: titles and quoted names,
// marks inside a title, unclosed marks and malformed UTF-8.
func TestFindInMarked(t *testing.T) {
	f, err := plain()
	if err != nil {
		t.Fatal(err)
	}
	g := f.orgs.Gazetteer()
	var set gazetteers.RuneSet
	for i, w := range org.Marks() {
		set[i] = w
	}
	for _, r := range "中国市" {
		set.Add(r)
	}
	texts := []string{
		"据《人民日报》报道，美国《科学》杂志和《时代潮》杂志刊文，韩国“小天使”艺术团和“防汛救灾领导小组”出席",
		"《《株洲日报》》和“《晨星周刊》”，《未完的标题 和“未完的引号",
		"\xe3\x80《新闻报》\xff“抗洪抢险指挥部”\xe2\x80",
		"中国市场监管总局",
		"",
	}
	var sc, scm org.Scratch
	for _, text := range texts {
		hits := g.Match(text, nil)
		ps := f.places.Resolve(text, f.places.Find(text, hits), place.Context{})
		want := fmt.Sprint(f.orgs.FindIn(&sc, text, hits, ps))
		mhits, marks := g.MatchMarking(text, nil, &set, nil)
		if got := fmt.Sprint(f.orgs.FindInMarked(&scm, text, mhits, ps, marks)); got != want {
			t.Errorf("FindInMarked(%q) = %s, want %s", text, got, want)
		}
	}
}
