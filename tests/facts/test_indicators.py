"""Indicator mapping: catalogue shape, and precision/coverage on a labelled list of metric phrases."""

from pathlib import Path

import pytest

from hqd.facts.indicators import by_code, catalogue, map_metric, map_quantity, tokens

PHRASES = Path(__file__).resolve().parent.parent / "data" / "indicator_phrases.tsv"
DIMENSIONS = {"innovation", "coordination", "green", "openness", "sharing", "scale", "governance"}


def labelled():
    rows = []
    for line in PHRASES.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, unit, kind, code = line.split("\t")
            rows.append((phrase, unit, kind, None if code == "-" else code))
    return rows


def test_catalogue_covers_the_genre():
    cat = catalogue()
    assert len(cat) >= 50
    assert len({i.code for i in cat}) == len(cat)
    assert {i.dimension for i in cat} == DIMENSIONS
    for code in ("gdp", "budget_revenue", "fiscal_revenue", "tax_revenue", "industrial_output", "retail_sales",
                 "fixed_asset_investment", "foreign_investment", "new_enterprises", "high_tech_enterprises", "little_giants",
                 "headquarters", "tech_contract_turnover", "patents", "digital_economy_output", "air_quality_rate", "pm25",
                 "surface_water", "energy_consumption", "land_freed", "schools", "hospitals", "livelihood_spending",
                 "disposable_income", "visitors"):
        assert by_code(code) is not None, code
    assert by_code("pm25").higher_is_better is False


def test_mapping_precision_and_coverage_on_labelled_phrases():
    rows = labelled()
    assert len(rows) >= 150
    positives = [r for r in rows if r[3]]
    mapped = right = 0
    wrong = []
    for phrase, unit, kind, code in rows:
        result = map_metric(phrase, unit, kind)
        if result.code is None:
            continue
        mapped += 1
        if result.code == code:
            right += 1
        else:
            wrong.append((phrase, result.code, code))
    covered = sum(1 for phrase, unit, kind, code in positives if map_metric(phrase, unit, kind).code == code)
    precision = right / mapped
    coverage = covered / len(positives)
    assert precision >= 0.95, wrong
    assert coverage >= 0.90, [(p, map_metric(p, u, k).code, c) for p, u, k, c in positives if map_metric(p, u, k).code != c]


def test_unit_that_cannot_measure_the_indicator_lowers_confidence():
    money = map_metric("tax revenue", "CNY", "level")
    hectares = map_metric("tax revenue", "ha", "level")
    assert money.code == "tax_revenue" and hectares.confidence < money.confidence


def test_sentence_is_used_when_metric_is_empty():
    result = map_metric(None, "percent", "change", sentence="Fixed-asset investment fell by 3.2% in the first quarter.")
    assert result.code == "fixed_asset_investment" and result.confidence < 1


def test_tokens_fold_plurals_and_possessives():
    assert tokens("The district’s new Enterprises") == ["new", "enterprise"]
    assert tokens("industries") == ["industry"]


def test_a_metric_of_a_word_or_two_is_read_with_its_clause():
    from hqd.facts.indicators import map_quantity

    land = map_quantity("land", "mu", "level", text="3,216 mu", before="restructured, freeing up an extensive ", after=" of land.")
    assert land.code == "land_freed" and land.confidence < 1
    # the clause ends at a comma or another figure: nothing is borrowed from beyond it
    assert map_quantity("total output", "CNY", "level", before="600 automotive enterprises, with total output of more than ",
                        after=" in 2022").code is None
    assert map_quantity("land", "mu", "level").reason == "no_indicator"


def test_new_things_counted_are_not_the_total():
    from hqd.facts.indicators import map_quantity

    # schools counts all schools; new kindergartens are additions, which the catalogue's own flow series new_schools counts
    assert map_quantity("new kindergartens", "count", "level").code == "new_schools"
    # hospitals counts them all and has no flow series: new ones are an addition to it, a change of the stock
    hospitals = map_quantity("new hospitals", "count", "level")
    assert (hospitals.code, hospitals.share_of, hospitals.added) == ("hospitals", "added", True)
    beds = map_quantity("新增养老床位", "count", "level")
    assert (beds.code, beds.added) == ("elderly_care", True)
    assert not map_quantity("养老床位", "count", "level").added  # the stock itself
    assert map_quantity("new enterprises", "count", "level").code == "new_enterprises"  # a series of additions itself
    assert map_quantity("新增就业岗位", "count", "target").code == "employment"


def test_a_share_goal_and_a_share_of_another_indicator():
    from hqd.facts.indicators import map_quantity

    goal = map_quantity("战略性新兴产业产值占规上工业总产值比重", "percent", "target")
    assert (goal.code, goal.share_of) == ("strategic_industries_output", "total")
    online = map_quantity("网络零售额占社会消费品零售总额比重", "percent", "share")
    assert (online.code, online.share_of) == ("ecommerce_sales", "total")
    tax = map_quantity("digital economy share of the district's tax revenue", "percent", "share")
    assert (tax.code, tax.reason) == (None, "part")  # a share of the tax is not a share of the digital economy's output
    assert map_quantity("research and development spending share of GDP", "percent", "target").code == "rd_intensity"


@pytest.mark.parametrize("metric, unit, code", [
    ("output of the integrated circuit industry", "CNY", None),  # output value is not revenue
    ("integrated circuit industry revenue", "CNY", "ic_revenue"),
    ("集成电路产业营业收入", "CNY", "ic_revenue"),
    ("软件和信息技术服务业增加值", "CNY", None),  # value added is not revenue
    ("软件和信息技术服务业营业收入", "CNY", "software_revenue"),
    ("战略性新兴产业增加值", "CNY", None),  # value added is not output
    ("战略性新兴产业产值", "CNY", "strategic_industries_output"),
    ("digital economy output", "CNY", "digital_economy_output"),
])
def test_output_value_added_and_revenue_are_different_series(metric, unit, code):
    result = map_quantity(metric, unit, "level")
    assert result.code == code, result
    if code is None:
        assert result.reason == "no_indicator"


def test_key_industries_narrow_a_total_but_key_industrial_projects_are_projects():
    assert map_quantity("重点产业产值", "CNY", "level").reason == "part"
    assert map_quantity("重点产业项目", "count", "level").code == "major_projects"


def test_new_kindergartens_are_new_schools_not_a_flow_of_a_stock():
    assert map_quantity("new kindergartens", "count", "level").code == "new_schools"
    assert map_quantity("新建幼儿园", "count", "level").code == "new_schools"
    added = map_quantity("new high-tech enterprises", "count", "level")
    assert (added.code, added.added) == ("high_tech_enterprises", True)
    assert map_quantity("new high-tech enterprises", "percent", "change").reason == "flow"  # the additions grew: no series
    assert not map_quantity("new kindergartens", "count", "level").added


@pytest.mark.parametrize("metric, kind, code", [
    ("new regional headquarters", "level", "headquarters"),
    ("newly listed companies", "level", "listed_companies"),
    ("additional elderly care beds", "target", "elderly_care"),
    ("新增专精特新企业", "level", "specialized_enterprises"),
    ("新增上市企业", "target", "listed_companies"),
    ("新引进跨国公司地区总部", "level", "headquarters"),
])
def test_an_addition_to_a_stock_maps_to_the_stock_as_a_change_of_it(metric, kind, code):
    m = map_quantity(metric, "count", kind)
    assert (m.code, m.share_of, m.reason) == (code, "added", None)
    stock = map_quantity(metric.removeprefix("new ").removeprefix("newly ").removeprefix("additional ").removeprefix("新增")
                         .removeprefix("新引进"), "count", kind)
    assert (stock.code, stock.added) == (code, False)


def test_the_rules_examples_hold():
    """Each mapping rule's docstring states its fact with examples: they are run here."""
    import doctest

    from hqd.facts import additions, catalogue, indicators, naming, scope, shares, things

    api = {"map_quantity": map_quantity, "by_code": by_code}  # the examples speak through the public entry points
    results = [doctest.testmod(module, extraglobs=api, raise_on_error=False, verbose=False)
               for module in (catalogue, naming, scope, shares, additions, things, indicators)]
    attempted, failed = sum(r.attempted for r in results), sum(r.failed for r in results)
    assert attempted >= 4 and failed == 0


@pytest.mark.parametrize("metric, unit, kind, code", [
    ("地區生產總值", "CNY", "level", "gdp"),  # a traditional text names the same indicators
    ("區級一般公共預算收入", "CNY", "change", "budget_revenue"),
    ("跨國公司地區總部佔全市的比重", "percent", "share", "headquarters"),
    ("限额以上批发和零售业商品销售额", "CNY", "level", "commodity_sales"),  # the scope that defines the statistic
    ("外贸进出口总额", "CNY", "level", "foreign_trade"),
    ("网上商店零售额", "CNY", "level", "ecommerce_sales"),
    ("output value of the automobile industry", "CNY", "level", "auto_industry_output"),
    ("automobile industry share of industrial output value", "percent", "share", "auto_industry_output"),
    ("investment in industry share of fixed-asset investment", "percent", "share", "industrial_investment"),
    ("industrial output per unit of land", "percent", "change", "output_per_mu"),
    ("assets managed", "CNY", "level", "funds_managed"),
    ("investment completed", "CNY", "level", "fixed_asset_investment"),
    ("companies going public", "count", "target", "listed_companies"),
    ("高新技术企业总数", "count", "level", "high_tech_enterprises"),  # their number
    ("进出口额", "CNY", "level", "foreign_trade"),  # not exports with 进 before it
    ("新能源汽车产值", "CNY", "level", "auto_smart_output"),
    ("output value of auto industry", "CNY", "level", "auto_industry_output"),
    ("research and development expenditure share of GDP", "percent", "target", "rd_intensity"),
    ("digital economy firms", "count", "level", "digital_economy_enterprises"),  # a firm is a company
    ("polluting factories shut or relocated", "count", "level", "outdated_enterprises"),
    ("淘汰调整落后产能企业", "count", "level", "outdated_enterprises"),
    ("年接待访客", "count", "level", "visitors"),
    ("货物进出口总额", "CNY", "level", "foreign_trade"),  # goods trade is how customs count foreign trade
    ("地区生产总值年均增长", "percent", "target", "gdp"),  # the average growth a plan aims at
    ("战略性新兴产业产值占比", "percent", "target", "strategic_industries_output"),  # 占比 names no whole
    ("foreign capital in actual use", "USD", "level", "foreign_investment"),
    ("registered residents", "count", "level", "registered_population"),
    ("output value of automobile manufacturing", "CNY", "level", "auto_industry_output"),
    ("汽车制造产值", "CNY", "level", "auto_industry_output"),
    ("renovation of old shikumen houses", "m2", "level", "housing_renovation"),
    ("units of rental housing for young talent", "count", "target", "talent_housing"),
    ("express industry revenue", "CNY", "target", "logistics_revenue"),
    ("economic growth", "percent", "target", "gdp"),
    ("出口", "CNY", "level", "exports"),
    ("出口占比", "percent", "share", "exports"),  # a share of foreign trade, the whole exports are part of
    ("完成投资", "CNY", "level", "fixed_asset_investment"),
    ("工業產值", "percent", "change", "industrial_output"),
    ("數字經濟核心產業規模", "CNY", "level", "digital_economy_output"),
    ("税收总收入", "CNY", "level", "tax_revenue"),
    ("缴纳税款", "CNY", "level", "tax_revenue"),
    ("管理资产规模", "CNY", "level", "funds_managed"),
    ("新建绿地", "ha", "level", "new_green_space"),
    ("智能网联汽车相关企业", "count", "level", "auto_smart_enterprises"),
    ("养老机构床位", "count", "level", "elderly_care"),
    ("output of the new energy vehicle sector", "percent", "change", "auto_smart_output"),
    ("output of the intelligent connected vehicle industry", "CNY", "target", "auto_smart_output"),
    ("新能源汽车产值占规上工业总产值的比重", "percent", "share", "auto_smart_output"),  # of industrial output
    ("实际使用外资金额", "USD", "level", "foreign_investment"),  # its amount
    ("外贸进出口总值", "CNY", "level", "foreign_trade"),  # its total value
    ("固定资产投资额", "CNY", "level", "fixed_asset_investment"),
    ("年末常住人口", "count", "level", "resident_population"),  # at the year's end, still the whole
    ("镇域常住人口", "count", "level", "resident_population"),  # the whole town's
    ("居民人均可支配收入实际增长", "percent", "change", "disposable_income"),  # its real growth
    ("foreign capital actually utilized", "USD", "level", "foreign_investment"),
    ("新增公园绿地", "ha", "level", "new_green_space"),
    ("技术合同登记成交额", "CNY", "level", "tech_contract_turnover"),
    ("旅游直接收入", "CNY", "level", "tourism_revenue"),
    ("腾出发展空间", "m2", "level", "land_freed"),
    ("added value of the service sector", "CNY", "level", "tertiary_industry_va"),
    ("general budget revenue", "CNY", "level", "budget_revenue"),
    ("tax receipts", "CNY", "level", "tax_revenue"),
    ("newly registered companies", "count", "level", "new_enterprises"),
    ("little giant firms", "count", "level", "little_giants"),
    ("patent authorizations", "count", "level", "patents"),
    ("turnover of technology contracts", "CNY", "level", "tech_contract_turnover"),
    ("jobs added", "count", "level", "employment"),
    ("rural residents per capita disposable income", "CNY", "level", "rural_income"),  # not all residents'
    ("R&D expenditure as a percentage of GDP", "percent", "share", "rd_intensity"),
    ("经济增长", "percent", "target", "gdp"),
    ("全口径税收", "CNY", "level", "tax_revenue"),  # all-caliber: the whole
    ("规模以上工业企业营业收入", "CNY", "level", "industrial_revenue"),
    ("规上工业企业利润总额", "CNY", "level", "industrial_profit"),  # the scope that defines the statistic
    ("限上社会消费品零售额", "CNY", "level", "retail_sales"),
    ("跨国公司地区总部累计", "count", "level", "headquarters"),
    ("R&D经费支出占GDP比重", "percent", "share", "rd_intensity"),
    ("软件信息服务业营收", "CNY", "level", "software_revenue"),
    ("集成电路产业销售收入", "CNY", "level", "ic_revenue"),
    ("快递业务收入", "CNY", "level", "logistics_revenue"),
    ("细颗粒物年均浓度", "ug/m3", "level", "pm25"),
    ("能源消费总量", "tce", "level", "energy_consumption"),
    ("接待游客人次", "count", "level", "visitors"),
    ("旧住房综合改造", "m2", "level", "housing_renovation"),
    ("单位GDP能耗下降", "percent", "change", "energy_intensity"),  # not GDP
    ("added value of the tertiary sector", "CNY", "level", "tertiary_industry_va"),
    ("tertiary sector share of GDP", "percent", "share", "tertiary_industry_va"),
    ("output of industrial enterprises above designated size", "CNY", "level", "industrial_output"),
    ("R&D investment intensity", "percent", "level", "rd_intensity"),
    ("spending on R&D", "CNY", "level", "rd_spending"),
    ("specialized and sophisticated SMEs", "count", "level", "specialized_enterprises"),
    ("forest cover", "percent", "level", "forest_coverage"),
    ("senior care beds", "count", "level", "elderly_care"),
    ("urban residents disposable income", "CNY", "level", "urban_income"),  # not all residents'
    ("wholesale and retail sales", "CNY", "level", "commodity_sales"),  # not retail sales alone
    ("revenue of the software industry", "CNY", "level", "software_revenue"),
    ("全社会研发经费支出", "CNY", "level", "rd_spending"),
    ("地區生產總值按年增長", "percent", "change", "gdp"),  # Hong Kong's word for year on year
    ("本地生產總值", "CNY", "level", "gdp"),
])
def test_an_indicator_written_another_way(metric, unit, kind, code):
    assert map_quantity(metric, unit, kind).code == code


@pytest.mark.parametrize("metric, unit, kind", [
    ("automobile industry revenue", "CNY", "level"),  # revenue is not output
    ("investment of industrial projects signed", "CNY", "level"),  # contracted, not completed investment
    ("每万人口高价值发明专利拥有量", "count", "level"),  # a ratio to the population, not the count
    ("per capita GDP", "CNY", "level"),
    ("核心园区面积", "km2", "level"),  # a part of the park
    ("registered urban unemployment rate", "percent", "level"),  # the catalogue's rate is the surveyed one
    ("城镇登记失业率", "percent", "level"),
    ("入境游客", "count", "level"),  # some of the visitors
    ("floor area", "m2", "level"),  # a building's floor space, not the land it stands on
    ("建筑面积", "m2", "level"),
    ("new asset management firms", "count", "level"),  # a kind of company, not all new companies
    ("contracted foreign investment", "USD", "level"),  # contracted, not actually used
    ("合同外资", "USD", "level"),
    ("new companies in the biomedical sector", "count", "level"),  # some of the new companies
    ("规上工业企业研发经费", "CNY", "level"),  # the R&D of some enterprises
])
def test_words_that_name_another_measure_or_a_part_stay_unmapped(metric, unit, kind):
    assert map_quantity(metric, unit, kind, subject="花博园区").code is None


def test_a_series_of_additions_is_no_addition_to_itself():
    jobs = map_quantity("newly created jobs", "count", "level")
    assert (jobs.code, jobs.added) == ("employment", False)
    assert map_quantity("surveyed urban unemployment rate", "percent", "level").code == "unemployment_rate"


def test_a_new_resident_population_is_an_addition_to_it():
    found = map_quantity("新增常住人口", "count", "level", subject="奉贤新城")
    assert (found.code, found.added) == ("resident_population", True)


def test_a_named_zones_total_area_is_its_area():
    assert map_quantity("总面积", "km2", "level", subject="邮轮经济示范区").code == "area"
