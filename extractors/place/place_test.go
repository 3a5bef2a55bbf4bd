package place_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsfacts/newsfacts/extractors/gazseg"
	"github.com/newsfacts/newsfacts/extractors/place"
	"github.com/newsfacts/newsfacts/gazetteers"
	_ "github.com/newsfacts/newsfacts/internal/golden"
	"github.com/newsfacts/newsfacts/internal/ruletest"
)

type finder struct {
	g *gazetteers.Gazetteer
	f *place.Finder
}

func newFinder(user []gazetteers.UserEntry) (finder, error) {
	g, seg, err := gazseg.Load(user)
	if err != nil {
		return finder{}, err
	}
	return finder{g, place.New(g, seg)}, nil
}

var (
	plain = sync.OnceValues(func() (finder, error) { return newFinder(nil) })
	user  = sync.OnceValues(func() (finder, error) {
		return newFinder([]gazetteers.UserEntry{{Name: "星城", Type: gazetteers.UserTypePlace, Canonical: "长沙市"}})
	})
)

// places returns the resolved places of text as "surface|name|code|parent|method".
func places(t *testing.T, fd func() (finder, error), text, title string) []string {
	t.Helper()
	f, err := fd()
	if err != nil {
		t.Fatal(err)
	}
	ctx := place.Context{}
	for _, m := range f.f.FindText(title) {
		if len(m.Cands) == 1 && !m.NeedSupport {
			ctx.Anchors = append(ctx.Anchors, m.Cands[0])
		}
	}
	var out []string
	for _, p := range f.f.Resolve(text, f.f.FindText(text), ctx) {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s", text[p.Start:p.End], p.Name, p.Code, p.Parent, p.Rule))
	}
	return out
}

// example is a hand-written sentence for one rule: want lists places that
// must be found, not lists surfaces that must not be places.
type example struct {
	rule  string
	text  string
	title string
	want  []string
	not   []string
	user  bool
}

var examples = []example{
	{rule: place.MethodGazetteer, text: "株洲市今年新开工项目三十个。", want: []string{"株洲市|株洲市|430200|湖南省|gazetteer"}},
	{rule: place.MethodGazetteer, text: "美国和日本的代表出席了会议。", want: []string{"美国|美国|US||gazetteer", "日本|日本|JP||gazetteer"}},
	{rule: place.MethodGazetteer, text: "沈阳市场上的蔬菜价格平稳。", not: []string{"沈阳市"}},
	// A country before a currency word, 北京 before 时间 (China's
	// standard time): part of another name; a longer word at the currency
	// word (马克思) keeps the country.
	{rule: place.MethodGazetteer, text: "预算削减20亿瑞典克朗，北京时间凌晨3时开赛。", not: []string{"瑞典", "北京"}},
	{rule: place.MethodGazetteer, text: "德国马克思主义研究会和瑞典政府在北京举行会谈。", want: []string{"德国|德国|DE||gazetteer", "瑞典|瑞典|SE||gazetteer", "北京|北京市|110000||gazetteer-short"}},
	{rule: place.MethodGazetteer, text: "城区道路正在改造。", not: []string{"城区"}},
	// A country's other name ending in 国 before 内 or 外 gives way to the
	// word 国内 or 国外 (日本国内外 is 日本 and 国内外); its own name does not
	// (美国内政部).
	{rule: place.MethodGazetteer, text: "日本国内外普遍认为，俄国内政局复杂，美国内政部表示。", want: []string{"日本|日本|JP||gazetteer", "美国|美国|US||gazetteer"}, not: []string{"日本国", "俄国"}},
	// A region named by a direction and a continent inside a transliterated
	// name is no place (加西亚, 奥登西亚); after a function word, a word or
	// another place it is.
	{rule: place.MethodGazetteer, text: "秘鲁前总统加西亚会见奥登西亚一行。", not: []string{"西亚"}},
	{rule: place.MethodGazetteer, text: "中东和西亚局势，参加东亚峰会，塞舌尔东非四国。", want: []string{"西亚|西亚|||gazetteer", "东亚|东亚|||gazetteer", "东非|东非|||gazetteer"}},
	// 内地 is inland as often as the mainland (沿海和内地): no place.
	{rule: place.MethodGazetteer, text: "沿海和内地省份加快发展，内地与澳门合作。", not: []string{"内地"}},
	// A region is named without the generic 地区 that may follow it (亚太地区,
	// as 东北地区); 港岛 is Hong Kong Island.
	{rule: place.MethodGazetteer, text: "亚太地区和巴尔干地区的形势，港岛的交通。", want: []string{"亚太|亚太|||gazetteer", "巴尔干|巴尔干|||gazetteer", "港岛|港岛||中国|gazetteer"}, not: []string{"亚太地区", "巴尔干地区"}},
	// Natural features and national parks (gazetteers/data/features.tsv).
	{rule: place.MethodGazetteer, text: "嫩江水位持续上涨，嫩江市组织抢险。", want: []string{"嫩江|嫩江||中国|gazetteer", "嫩江市|嫩江市|231183|黑龙江省黑河市|gazetteer"}},
	{rule: place.MethodGazetteer, text: "林场与浑善达克沙地交界，大熊猫国家公园也在扩大。", want: []string{"浑善达克沙地|浑善达克沙地||中国|gazetteer", "大熊猫国家公园|大熊猫国家公园||中国|gazetteer"}},
	{rule: place.MethodGazetteer, text: "航线集中在长三角、粤港澳、成渝之间。", want: []string{"粤港澳|粤港澳大湾区||中国|gazetteer", "成渝|成渝地区双城经济圈||中国|gazetteer"}},
	{rule: place.MethodGazetteer, text: "这里的清河水很清。", not: []string{"小清河", "清河"}},
	{rule: place.MethodGazetteer, text: "发展中国家的代表和其中国王任命的成员出席。", not: []string{"中国"}},
	{rule: place.MethodGazetteer, text: "中国家电出口增长，在中国家庭里很常见。", want: []string{"中国|中国|CN||gazetteer"}},
	{rule: place.MethodGazetteer, text: "黄河源头的草场正在恢复。", not: []string{"黄河源"}},
	{rule: place.MethodShort, text: "湖南出台新政策。", want: []string{"湖南|湖南省|430000||gazetteer-short"}},
	{rule: place.MethodShort, text: "株洲的企业越来越多。", want: []string{"株洲|株洲市|430200|湖南省|gazetteer-short"}},
	{rule: place.MethodShort, text: "长治久安是大家的愿望。", not: []string{"长治"}},
	{rule: place.MethodShort, text: "记者李长春报道。", not: []string{"长春"}},
	{rule: place.MethodShort, text: "全市场都在关注。", not: []string{"全市", "市场"}},
	// A two-character county short name with one reading that the
	// segmentation dictionary's own list knows as a place name stands
	// alone where the segmenter reads it as a word; not in an idiom, a
	// title, nor a frequent word tagged so (平原), nor a name only the
	// gazetteer lists (石峰).
	{rule: place.MethodShort, text: "江阴的企业越来越多，他到焉耆考察。", want: []string{"江阴|江阴市|320281|江苏省无锡市|gazetteer-short", "焉耆|焉耆回族自治县|652826|新疆维吾尔自治区巴音郭楞蒙古自治州|gazetteer-short"}},
	{rule: place.MethodShort, text: "水果是农业的半壁江山，他在《连城记》里写到中部平原，石峰的发展很快。", not: []string{"江山", "连城", "平原", "石峰"}},
	// Nor at the head of a river, an island or a line it names, nor when
	// it names a better-known place as often (the Spratly Islands).
	{rule: place.MethodShort, text: "沿着南岗河散步，游客登上广阳岛，宁安高铁今天开通，渔船到达南沙作业。", not: []string{"南岗", "广阳", "宁安", "南沙"}},
	{rule: place.MethodShort, text: "路边种着榆树，他喝着龙井茶。", not: []string{"榆树", "龙井"}},
	{rule: place.MethodContext, text: "北京市新建了一批学校，其中朝阳区有五所。", want: []string{"朝阳区|朝阳区|110105|北京市|gazetteer+context"}},
	{rule: place.MethodContext, text: "石峰区位于株洲市北部，石峰的工业基础雄厚。", want: []string{"石峰|石峰区|430204|湖南省株洲市|gazetteer+context"}},
	{rule: place.MethodContext, text: "石峰区提出，打造制造强区生态新城。", not: []string{"新城"}},
	{rule: place.MethodContext, text: "甘肃省各地加强合作，共创未来。", not: []string{"合作"}},
	{rule: place.MethodContext, text: "天津的企业在河北投资。", want: []string{"河北|河北省|130000||gazetteer+context"}},
	{rule: place.MethodAmbiguous, text: "朝阳区举办了一场招聘会。", want: []string{"朝阳区|朝阳区|||gazetteer-ambiguous"}},
	{rule: place.MethodAmbiguous, text: "石峰的发展很快。", not: []string{"石峰"}},
	{rule: place.MethodTownshipContext, text: "石峰区云田镇的村民种植水稻。", want: []string{"云田镇|云田镇|430204102|湖南省株洲市石峰区|township+context"}},
	{rule: place.MethodTownshipContext, text: "云田镇的村民种植水稻。", want: []string{"云田镇|云田镇|||gazetteer-ambiguous"}},
	{rule: place.MethodTownshipContext, text: "商场位于城镇中心，带动小城镇发展。", not: []string{"于城镇", "小城镇"}},
	{rule: place.MethodTownship, text: "响石岭街道开展志愿服务。", want: []string{"响石岭街道|响石岭街道|430204002|湖南省株洲市石峰区|township"}},
	{rule: place.MethodTownship, text: "街道开展志愿服务。", not: []string{"街道"}},
	{rule: place.MethodZone, text: "株洲高新区新落户企业二十家。", want: []string{"株洲高新区|株洲高新技术产业开发区||湖南省株洲市|zone"}},
	{rule: place.MethodZone, text: "这个新区的环境很好。", not: []string{"新区"}},
	{rule: place.MethodZoneContext, text: "石峰区的田心高科园引进了新项目。", want: []string{"田心高科园|田心高科园||湖南省株洲市石峰区|zone+context"}},
	{rule: place.MethodZoneContext, text: "田心高科园引进了新项目。", not: []string{"田心高科园"}},
	{rule: place.MethodAbbrevPair, text: "中美关系出现新的变化。", want: []string{"中|中国|CN||abbrev-pair", "美|美国|US||abbrev-pair"}},
	{rule: place.MethodAbbrevPair, text: "美中不足的是价格偏高。", not: []string{"美", "中"}},
	{rule: place.MethodAbbrevPair, text: "此次日俄首脑会晤之后，在中美加强对话的同时，中美两个大国开展禁毒合作。", want: []string{"日|日本|JP||abbrev-pair", "俄|俄罗斯|RU||abbrev-pair", "中|中国|CN||abbrev-pair"}},
	{rule: place.MethodAbbrevPair, text: "其中美日两国的代表，在中西部地区经济增长。", not: []string{"中", "西"}},
	{rule: place.MethodAbbrevVerb, text: "外国元首访华期间参观了工厂。", want: []string{"华|中国|CN||abbrev-verb"}},
	{rule: place.MethodAbbrevVerb, text: "代表团今天抵京。", want: []string{"京|北京市|110000||abbrev-verb"}},
	{rule: place.MethodAbbrevVerb, text: "他在华为工作，现在华人很多。", not: []string{"华"}},
	// Where the dictionary sees a word across the abbreviation, a travel
	// verb word before it (前来) or the segmenter's reading in context
	// (访华/表示) keeps it; not 对美好, 距离京石高速.
	{rule: place.MethodAbbrevVerb, text: "总统访华表示满意，代表团日前来京参观。", want: []string{"华|中国|CN||abbrev-verb", "京|北京市|110000||abbrev-verb"}},
	{rule: place.MethodAbbrevVerb, text: "他们对美好生活充满向往，社区距离京石高速五公里。", not: []string{"美", "京"}},
	{rule: place.MethodGazetteerLevel, text: "奥地利维也纳市市长出席了开幕式。", want: []string{"维也纳市|维也纳||奥地利|gazetteer+level"}},
	{rule: place.MethodGazetteer, text: "暴雨袭击了俄亥俄州南部。", want: []string{"俄亥俄州|俄亥俄||美国|gazetteer"}},
	{rule: place.MethodGazetteerLevel, text: "石家庄市栾城县组织干部学习。", want: []string{"栾城县|栾城区|130111|河北省石家庄市|gazetteer+level"}},
	{rule: place.MethodGazetteerLevel, text: "栾城县组织干部学习。", not: []string{"栾城县", "栾城"}},
	{rule: place.MethodGazetteerLevel, text: "栾城县委书记和阿城市委常委出席。", want: []string{"栾城县|栾城区|130111|河北省石家庄市|gazetteer+level", "阿城市|阿城区|230112|黑龙江省哈尔滨市|gazetteer+level"}},
	{rule: place.MethodGazetteerLevel, text: "阿城市场很热闹。", not: []string{"阿城市", "阿城|阿城区|230112|黑龙江省哈尔滨市|gazetteer+level"}},
	{rule: place.MethodGazetteerLevel, text: "他在伦敦州立大学读书。", not: []string{"伦敦州"}},
	// The level word of an autonomous prefecture or a special
	// administrative region picks that reading of a short name (大理 is
	// also a city) and needs no support.
	{rule: place.MethodGazetteerLevel, text: "大理州和湘西州的游客，香港特区政府表示欢迎。", want: []string{"大理州|大理白族自治州|532900|云南省|gazetteer+level", "湘西州|湘西土家族苗族自治州|433100|湖南省|gazetteer+level", "香港特区|香港特别行政区|810000||gazetteer+level"}},
	{rule: place.MethodGazetteerLevel, text: "湘西州立医院和杭州州际公路。", not: []string{"湘西州|", "杭州州"}},
	{rule: place.MethodAbbrevPair, text: "中美在气候领域开展对话。", want: []string{"中|中国|CN||abbrev-pair", "美|美国|US||abbrev-pair"}},
	{rule: place.MethodAbbrevRole, text: "他说，俄政府决定提高贴现率，美方表示欢迎。", want: []string{"俄|俄罗斯|RU||abbrev-role", "美|美国|US||abbrev-role"}},
	{rule: place.MethodAbbrevRole, text: "他与叙总统举行了会谈。", want: []string{"叙|叙利亚|SY||abbrev-role"}},
	{rule: place.MethodAbbrevRole, text: "南方地区降雨，双方提出新方案，维埃拉总统和经理罗军出席。", not: []string{"南", "新", "拉", "罗"}},
	{rule: place.MethodAbbrevRole, text: "他获得亚军，新政府成立。", not: []string{"亚", "新"}},
	// A country named in full and then by its first character.
	{rule: place.MethodAbbrevNamed, text: "菲律宾央行公布数据，菲出口增长，对菲投资也在增加。", want: []string{"菲|菲律宾|PH||abbrev-named"}},
	{rule: place.MethodAbbrevNamed, text: "俄罗斯总统表示，俄国内形势稳定，美国和巴西代表出席，美好前景可期，美不胜收。普里马科夫说，法律规定。", not: []string{"俄", "巴", "美", "科", "法"}},
	{rule: place.MethodAbbrevNamed, text: "俄将加强合作，俄罗斯外长说。伊朗和伊拉克代表出席，在伊境内。", not: []string{"俄", "伊"}},
	{rule: place.MethodAmbiguous, text: "龙泉乡的果园丰收了。", want: []string{"龙泉乡|龙泉乡|||gazetteer-ambiguous"}},
	{rule: place.MethodAmbiguous, text: "建设街道开展志愿服务。", not: []string{"建设街道"}},
	{rule: place.MethodTownshipContext, text: "建设街道开展志愿服务。", not: []string{"建设街道"}},
	{rule: place.MethodGazetteer, text: "探测器从地球出发飞向火星，途经月球。", want: []string{"地球|地球|||gazetteer", "月球|月球|||gazetteer"}},
	{rule: place.MethodGazetteer, text: "代表团参观了不来梅和杜塞尔多夫。", want: []string{"不来梅|不来梅||德国|gazetteer", "杜塞尔多夫|杜塞尔多夫||德国|gazetteer"}},
	{rule: place.MethodUser, text: "星城的夜景很美。", user: true, want: []string{"星城|长沙市|430100|湖南省|user"}},
	{rule: place.MethodUser, text: "城市的星光很美。", user: true, not: []string{"星城", "城市"}},
	{rule: place.MethodZoneName, text: "湖南自贸区长沙片区和重庆两江新区签约。", want: []string{"湖南自贸区长沙片区|湖南自由贸易试验区长沙片区||湖南省|zone+name", "重庆两江新区|重庆两江新区||重庆市|zone+name"}},
	{rule: place.MethodZoneName, text: "长沙市建设高新区，湖南株洲高新区发布规划，湖南自贸区与片区对接，福建三个自贸试验区和铁岭重新规划工业园区。", not: []string{"长沙市建设高新区", "湖南株洲高新区", "湖南自贸区与片区", "福建三个自贸试验区", "铁岭重新规划工业园区"}},
	// Local places (issue 10): a county after its province, villages.
	{rule: place.MethodParentShort, text: "走进湖南茶陵，茶陵位于湖南东部。", want: []string{"茶陵|茶陵县|430224|湖南省株洲市|gazetteer-short+parent", "茶陵|茶陵县|430224|湖南省株洲市|gazetteer+context"}},
	{rule: place.MethodParentShort, text: "四川北川出台补贴政策。", want: []string{"北川|北川羌族自治县|510726|四川省绵阳市|gazetteer-short+parent"}},
	{rule: place.MethodParentShort, text: "茶陵位于东部山区。", not: []string{"茶陵"}},
	{rule: place.MethodContext, text: "北京市出台举措。在西城，税务部门上门辅导。", want: []string{"西城|西城区|110102|北京市|gazetteer+context"}},
	// A place and a facility word: one place, its parent the place, which
	// stays a row of its own.
	{rule: place.MethodFacility, text: "代表团抵达德黑兰机场，杭州植物园里游人如织，货轮驶离青岛港。", want: []string{"德黑兰机场|德黑兰机场||伊朗德黑兰|facility", "德黑兰|德黑兰||伊朗|gazetteer", "杭州植物园|杭州植物园||浙江省杭州市|facility", "青岛港|青岛港||山东省青岛市|facility"}},
	{rule: place.MethodFacility, text: "上海港口繁忙，北京时间八点，武汉大桥局承建。", not: []string{"上海港", "北京时间", "武汉大桥"}},
	// Museums, galleries, memorial halls, archives, bookstores, buildings
	// and space towns are venues too.
	{rule: place.MethodFacility, text: "画展在浙江美术馆开幕，南京博物馆闭馆，深圳图书大厦和辽宁大厦也在酒泉航天城附近。", want: []string{"浙江美术馆|浙江美术馆||浙江省|facility", "南京博物馆|南京博物馆||江苏省南京市|facility", "深圳图书大厦|深圳图书大厦||广东省深圳市|facility", "辽宁大厦|辽宁大厦||辽宁省|facility", "酒泉航天城|酒泉航天城||甘肃省酒泉市|facility"}},
	{rule: place.MethodFacility, text: "北京博物馆学会成立，上海美术馆长出席。", not: []string{"北京博物馆", "上海美术馆"}},
	{rule: place.MethodVillage, text: "在安徽凤阳小岗村，夏播实现了全程数字化。", want: []string{"小岗村|小岗村||安徽省滁州市凤阳县|village"}},
	{rule: place.MethodVillage, text: "他回到祖籍红庙李村探亲，又去了陈沟村。塘坊社区也很热闹。", want: []string{"红庙李村|红庙李村|||village", "陈沟村|陈沟村|||village", "塘坊社区|塘坊社区|||village"}},
	{rule: place.MethodVillage, text: "下叔村村民说，麦禾营镇镇长来过。", want: []string{"下叔村|下叔村|||village", "麦禾营镇|麦禾营镇|||village"}},
	{rule: place.MethodVillage, text: "他出生在集美镇，后来住在城中村。", want: []string{"集美镇|集美镇|||village"}, not: []string{"城中村", "城中"}},
	{rule: place.MethodVillage, text: "建设新农村，这个村是贫困村，也是示范村。", not: []string{"新农村", "这个村", "贫困村", "示范村", "个村"}},
	{rule: place.MethodVillage, text: "这座工业重镇推进城镇化，他回到家乡，踏上归乡路。", not: []string{"工业重镇", "城镇", "家乡", "归乡"}},
	{rule: place.MethodVillage, text: "建档立卡贫困村都有驻村工作队，干部带队走村访户。", not: []string{"卡贫困村", "驻村", "带队走村"}},
	{rule: place.MethodVillage, text: "罗马尼亚的尼·伯尔切斯库镇接受了援助，村民镇压了害虫。", not: []string{"切斯库镇", "尔切斯库镇"}},
	// What is not a place: generic area words and person names.
	{rule: "not-a-place", text: "全市经济平稳，全省排名第一，全区共有企业百家。", not: []string{"全市", "全省", "全区", "市", "省", "区"}},
	{rule: "not-a-place", text: "市民王株洲表示满意。", not: []string{"株洲"}},
}

func TestExamples(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.rule+"/"+ex.text, func(t *testing.T) {
			fd := plain
			if ex.user {
				fd = user
			}
			got := places(t, fd, ex.text, ex.title)
			for _, w := range ex.want {
				if !slices.Contains(got, w) {
					t.Errorf("got %q, want it to hold %q", got, w)
				}
			}
			for _, n := range ex.not {
				for _, g := range got {
					if strings.HasPrefix(g, n+"|") {
						t.Errorf("got place %q, want no place %q", g, n)
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
	ruletest.CheckMethods(t, ".", place.RuleNames(), counts)
}

func TestHome(t *testing.T) {
	f, err := plain()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, title                  string
		province, prefecture, county string
	}{
		{"株洲市石峰区的企业在株洲发展，石峰区还有更多。", "", "湖南省", "株洲市", "石峰区"},
		{"长沙和株洲各有一个项目。", "", "湖南省", "", ""},
		{"北京和上海各有一个项目。", "", "", "", ""},
		{"项目进展顺利。", "石峰区打造企业服务新标杆", "湖南省", "株洲市", "石峰区"},
	}
	name := func(i int32) string {
		if i < 0 {
			return ""
		}
		return f.g.Places[i].Name
	}
	for _, tt := range tests {
		ctx := place.Context{}
		for _, m := range f.f.FindText(tt.title) {
			if len(m.Cands) == 1 && !m.NeedSupport {
				ctx.Anchors = append(ctx.Anchors, m.Cands[0])
			}
		}
		h := f.f.HomeOf(f.f.Resolve(tt.text, f.f.FindText(tt.text), ctx), ctx)
		if got, want := name(h.Province)+"/"+name(h.Prefecture)+"/"+name(h.County), tt.province+"/"+tt.prefecture+"/"+tt.county; got != want {
			t.Errorf("HomeOf(%q, title %q) = %s, want %s", tt.text, tt.title, got, want)
		}
	}
}

// TestFindBuf checks that FindBuf, which reuses a buffer, finds what Find
// finds, whatever the buffer held before.
func TestFindBuf(t *testing.T) {
	f, err := plain()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"中美两国在株洲高新区签约，总理访华期间参观了田心高科园。",
		"湖南省株洲市石峰区行政审批局",
		"维也纳市和俄亥俄州的代表团到访长沙",
		"",
	}
	var buf []place.Mention
	for _, text := range texts {
		want := f.f.Find(text, f.g.Match(text, nil))
		buf = f.f.FindBuf(buf, text, f.g.Match(text, nil))
		got := buf
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("FindBuf(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestFindMarked checks that FindMarked, given the characters that the
// gazetteer match marked, finds what FindBuf finds with its own pass over
// the text, on texts with every class of marked character, malformed UTF-8
// and characters outside the Basic Multilingual Plane.
func TestFindMarked(t *testing.T) {
	f, err := plain()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"中美两国在株洲高新区签约，总理访华期间参观了田心高科园。",
		"美方表示，俄军和叙总统在京会见，中、日、韩三国",
		"湖南省株洲市石峰区行政审批局和王家村、李庄街道",
		"维也纳市和俄亥俄州的代表团到访长沙\xff中美\xe4\xbd",
		"𠀀美国😀访华\xed\xa0\x80中",
		"",
	}
	var buf []place.Mention
	var marks []int
	for _, text := range texts {
		want := f.f.FindBuf(nil, text, f.g.Match(text, nil))
		var hits []gazetteers.Hit
		hits, marks = f.g.MatchMarking(text, nil, f.f.Marks(), marks[:0])
		buf = f.f.FindMarked(buf, text, hits, marks)
		if fmt.Sprint(buf) != fmt.Sprint(want) {
			t.Errorf("FindMarked(%q) = %v, want %v", text, buf, want)
		}
	}
}
