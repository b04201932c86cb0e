#:property PublishAot=false
// Writes the living demo study into seed/demo/ (firms, calls, interviews, transcripts, coded segments,
// coding assignments, adjudications). Run from the repository root:  dotnet run scripts/generate-demo.cs
// The output is committed; rerun only to change the demo. Same seed, same files. The transcripts come out without
// time markers: run scripts/demo-recordings.sh after this, which gives three of them recordings and markers again.
//
// Times are written relative to the moment the demo is loaded (DemoSeed): "day" is a signed offset from the
// load day in Beijing (-3 = three days ago, 1 = tomorrow) and "beijing_time" the local time, so the demo
// always shows calls over the last three weeks, interviews in the last days and callbacks due today and tomorrow.
//
// Transcripts are composed from a library of respondent sentences (below), one linkage per sentence, so the
// generator knows each coded passage exactly; coder 2's codes differ from coder 1's where a careful second
// reader could honestly disagree (nature, scope, type), and the PI's adjudications settle those.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var outDir = Path.Combine(root, "seed", "demo");
if (!File.Exists(Path.Combine(root, "seed", "parks.csv"))) { Console.Error.WriteLine("Run from the repository root."); return 1; }
Directory.CreateDirectory(Path.Combine(outDir, "transcripts"));
foreach (var old in Directory.GetFiles(Path.Combine(outDir, "transcripts"))) File.Delete(old);

var rng = new Random(20161101);
T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
bool Chance(double p) => rng.NextDouble() < p;
const string Interviewer = "interviewer@example.org", Coder1 = "coder1@example.org", Coder2 = "coder2@example.org";
string[] parks = ["ZLS", "YZ", "DX"];

// ---- Firms: 15 per park. Stems are invented; the suffix follows the subsector. ----
var suffix = new Dictionary<string, (string Zh, string En)>
{
    ["biopharma"] = ("生物科技有限公司", "Biotech Co."), ["chemical"] = ("制药有限公司", "Pharmaceutical Co."),
    ["tcm"] = ("中药科技有限公司", "TCM Technology Co."), ["devices"] = ("医疗器械有限公司", "Medical Devices Co."),
    ["diagnostics"] = ("诊断试剂有限公司", "Diagnostics Ltd."), ["cro"] = ("医药研究有限公司", "Pharma Research Co."),
};
var stems = new Dictionary<string, (string Zh, string En, string Sub)[]>
{
    ["ZLS"] = [("百奥泰康", "Baiotai Kang", "biopharma"), ("华清", "Huaqing", "diagnostics"), ("中科启明", "Zhongke Qiming", "cro"),
        ("燕园基因", "Yanyuan Gene", "biopharma"), ("博奥晶典", "Boao Jingdian", "diagnostics"), ("诺和康源", "Nuohe Kangyuan", "biopharma"),
        ("昌平生科", "Changping Shengke", "cro"), ("睿智医药", "Ruizhi Medical", "cro"), ("天广实", "Tianguangshi", "biopharma"),
        ("科兴华源", "Kexing Huayuan", "biopharma"), ("赛诺思", "Sainuosi", "diagnostics"), ("晶泰药研", "Jingtai Yaoyan", "cro"),
        ("北生未来", "Beisheng Weilai", "biopharma"), ("义翘神州", "Yiqiao Shenzhou", "biopharma"), ("康智达", "Kangzhida", "devices")],
    ["YZ"] = [("亦庄康达", "Yizhuang Kangda", "chemical"), ("京东方医疗", "Jingdong Medical", "devices"), ("亦创生物", "Yichuang Bio", "biopharma"),
        ("博瑞", "Borui", "cro"), ("凯因制药", "Kaiyin", "chemical"), ("泰德制药", "Taide", "chemical"),
        ("荣昌生物", "Rongchang Bio", "biopharma"), ("经开医疗", "Jingkai Medical", "devices"), ("百济神通", "Baiji Shentong", "biopharma"),
        ("金豪制药", "Jinhao", "chemical"), ("亦元医疗", "Yiyuan Medical", "devices"), ("东方百泰", "Dongfang Baitai", "biopharma"),
        ("万泰德瑞", "Wantai Derui", "diagnostics"), ("科创智药", "Kechuang Zhiyao", "chemical"), ("同源康", "Tongyuankang", "biopharma")],
    ["DX"] = [("大兴天坛生物", "Daxing Tiantan Bio", "biopharma"), ("同仁堂", "Tongren", "tcm"), ("华辰医疗", "Huachen Medical", "devices"),
        ("新源", "Xinyuan", "chemical"), ("永大生物", "Yongda Bio", "biopharma"), ("天富中药", "Tianfu", "tcm"),
        ("华佗医疗", "Huatuo Medical", "devices"), ("思邈制药", "Simiao", "chemical"), ("兴业", "Xingye", "cro"),
        ("康乐卫士", "Kangle Weishi", "biopharma"), ("北方药谷", "Beifang Yaogu", "chemical"), ("采育医疗", "Caiyu Medical", "devices"),
        ("礼贤中药", "Lixian", "tcm"), ("安定生物", "Anding Bio", "biopharma"), ("青云店制药", "Qingyundian", "chemical")],
};
var address = new Dictionary<string, string[]>
{
    ["ZLS"] = ["北京市昌平区生命园路{0}号", "北京市昌平区科学园路{0}号", "北京市昌平区中关村生命科学园{0}号楼"],
    ["YZ"] = ["北京经济技术开发区科创{0}街", "北京经济技术开发区荣华南路{0}号", "北京经济技术开发区经海路{0}号"],
    ["DX"] = ["北京市大兴区生物医药基地永大路{0}号", "北京市大兴区生物医药基地天富街{0}号", "北京市大兴区生物医药基地华佗路{0}号"],
};
string[] surnames = ["王", "李", "陈", "赵", "刘", "孙", "周", "吴", "郑", "冯", "韩", "杨", "黄", "许", "何", "高", "马", "罗"];
string[] given = ["丽", "强", "静", "敏", "洋", "伟", "婷", "磊", "华", "雪", "冰", "帆", "军", "芳", "涛", "颖", "鹏", "霞"];
string[] titles = ["研发总监", "总经理", "业务发展经理", "生产副总", "市场总监", "技术总监", "副总经理", "厂长", "注册部经理"];
var areaCode = new Dictionary<string, string> { ["ZLS"] = "8070", ["YZ"] = "6788", ["DX"] = "6125" };

var firms = new List<Firm>();
foreach (var park in parks)
    for (var i = 0; i < 15; i++)
    {
        var (zh, en, sub) = stems[park][i];
        // Stems like "华辰医疗" already say what the suffix says.
        foreach (var (a, b) in new[] { ("医疗", " Medical"), ("生物", " Bio") })
            if (suffix[sub].Zh.Contains(a[..1], StringComparison.Ordinal) && zh.EndsWith(a, StringComparison.Ordinal)) (zh, en) = (zh[..^a.Length], en.Replace(b, "", StringComparison.Ordinal));
        var founded = 1996 + rng.Next(26);
        var size = Pick(new[] { "20-99", "100-499", "100-499", "500+" });
        var contactless = i % 5 == 3;   // one in five firms: only the switchboard is known
        firms.Add(new Firm(park, i, zh + suffix[sub].Zh, en + " " + suffix[sub].En, sub, founded, size,
            string.Format(CultureInfo.InvariantCulture, Pick(address[park]), 2 + rng.Next(60)),
            $"+86 10 {areaCode[park]} {(parks.ToList().IndexOf(park) + 1) * 1000 + i + 1:0000}",
            contactless ? null : Pick(surnames) + Pick(given), contactless ? null : Pick(titles),
            i < 4 ? $"https://example.org/{en.Split(' ')[0].ToLowerInvariant()}" : null));
    }

// ---- Outcomes: interviews with 6 firms per park (the first six of each list), the rest a realistic spread. ----
// Per park, for the nine others: 2 refusals, 2 non-contacts with callbacks, 2 unknown (no answer/busy), 1 not
// eligible, 2 not yet called -- except one partial interview (ZLS) to be finished at a callback.
string[][] restPlan =
[
    ["2.111", "2.112", "2.21", "2.22", "3.13", "3.12", "4.31", "1.2", "-"],
    ["2.11", "2.12", "2.21", "2.22", "3.13", "3.13", "4.50", "-", "-"],
    ["2.111", "2.11", "2.21", "2.22", "3.12", "3.13", "4.10", "-", "-"],
];
var notes = new Dictionary<string, (string Zh, string En)>
{
    ["3.13"] = ("无人接听", "No answer"), ["3.12"] = ("占线", "Line busy"), ["2.21"] = ("受访者出差，约回电", "Respondent travelling; call back"),
    ["2.22"] = ("已在语音信箱留言", "Message left on voicemail"), ["2.111"] = ("前台表示公司规定不接受访谈", "Refused at reception: company policy"),
    ["2.112"] = ("受访者表示太忙", "Respondent too busy, declined"), ["2.11"] = ("拒绝访谈", "Refused"), ["2.12"] = ("访谈十分钟后中断", "Broke off after ten minutes"),
    ["4.31"] = ("空号", "Number not in service"), ["4.50"] = ("已转型为医疗美容，不属于生物医药", "Now a cosmetics clinic, not biomedical"),
    ["4.10"] = ("已迁出园区", "Moved out of the park"), ["1.2"] = ("完成A-C部分，约时间继续", "Sections A-C done; to continue at callback"),
    ["1.1"] = ("访谈完成", "Interview completed"),
};
string OfficeTime() => $"{9 + rng.Next(8):00}:{rng.Next(4) * 15:00}";
var calls = new List<string[]>();
void Call(Firm f, int day, string time, string code, int? cbDay = null, string? cbTime = null)
{
    var (zh, en) = notes[code];
    calls.Add([f.NameEn, Interviewer, Inv(day), time, f.Phone, code, Chance(0.5) ? zh : en, cbDay is { } d ? Inv(d) : "", cbTime ?? ""]);
}
// Interview days: the last two weeks, most in the last days.
int[] interviewDays = [-1, -1, -2, -2, -3, -3, -4, -4, -5, -6, -6, -7, -8, -9, -10, -11, -13, -15];
var interviewed = new List<(Firm Firm, int Day, string Time)>();
var callbacks = new Queue<(int Day, string Time)>([(-1, "16:00"), (0, "09:30"), (0, "15:00"), (1, "10:00"), (1, "14:30"), (0, "11:00"), (1, "09:30")]);
for (var p = 0; p < 3; p++)
{
    var mine = firms.Where(f => f.Park == parks[p]).ToList();
    for (var i = 0; i < 6; i++)
    {
        var f = mine[i];
        var day = interviewDays[i * 3 + p];
        var time = OfficeTime();
        for (var k = rng.Next(3); k > 0; k--) Call(f, day - 2 - k * 2 - rng.Next(2), OfficeTime(), Chance(0.5) ? "3.13" : "2.21");
        Call(f, day, time, "1.1");
        interviewed.Add((f, day, time));
    }
    for (var i = 0; i < 9; i++)
    {
        var f = mine[6 + i];
        var code = restPlan[p][i];
        if (code == "-") continue;   // not attempted yet: fresh on the call list
        var first = -(8 + rng.Next(13));
        if (code is "2.21" or "2.22" or "1.2")
        {
            Call(f, first, OfficeTime(), "3.13");
            var (cbDay, cbTime) = callbacks.Dequeue();
            Call(f, -(1 + rng.Next(4)), OfficeTime(), code, cbDay, cbTime);
        }
        else if (code.StartsWith('3')) { Call(f, first, OfficeTime(), code); Call(f, -(1 + rng.Next(5)), OfficeTime(), "3.13"); }
        else Call(f, first, OfficeTime(), code);
    }
}

// ---- Sentence library: one linkage per respondent sentence. {p} partner, {l} its location, {w} what. ----
var locZh = new Dictionary<string, string> { ["ZLS"] = "生命科学园", ["YZ"] = "亦庄", ["DX"] = "大兴", ["BJ"] = "北京", ["CN"] = "外地", ["ABROAD"] = "国外" };
var locEn = new Dictionary<string, string> { ["ZLS"] = "ZLS Park", ["YZ"] = "Yizhuang", ["DX"] = "Daxing", ["BJ"] = "Beijing", ["CN"] = "other provinces", ["ABROAD"] = "abroad" };
var library = new Dictionary<string, (string Zh, string En)[]>
{
    ["research"] = [
        ("我们和{l}的{p}一起做{w}，已经合作好几年了。", "We work with {p} in {l} on {w}, and have done for several years."),
        ("{p}在{l}，主要帮我们做{w}。", "{p}, based in {l}, does {w} for us."),
        ("我们的{w}项目是和{l}的{p}联合申报的。", "Our {w} project was a joint application with {p} in {l}."),
        ("{w}这块我们委托给{l}的{p}，他们的平台比我们的好。", "We contract {w} out to {p} in {l}; their platform is better than ours.")],
    ["supplier"] = [
        ("我们的{w}主要从{l}的{p}采购。", "We buy most of our {w} from {p} in {l}."),
        ("{w}是{l}的{p}供应的，质量比较稳定。", "{p} in {l} supplies our {w}; the quality is reliable."),
        ("{w}我们一直用{l}的{p}，送货快。", "For {w} we have always used {p} in {l}; they deliver quickly.")],
    ["customer"] = [
        ("我们的产品主要卖给{l}的{p}。", "Most of our products go to {p} in {l}."),
        ("{l}的{p}是我们的大客户，每年都有{w}的订单。", "{p} in {l} is a major customer; they order {w} from us every year."),
        ("我们为{l}的{p}提供{w}。", "We provide {w} to {p} in {l}.")],
    ["labour"] = [
        ("我们有几位{w}是从{l}的{p}过来的。", "Several of our {w} came from {p} in {l}."),
        ("每年我们都从{l}的{p}招{w}。", "Every year we recruit {w} from {p} in {l}."),
        ("{l}的{p}和我们互相推荐{w}，人才流动挺正常的。", "{p} in {l} and we refer {w} to each other; people move between us quite normally.")],
    ["labour-competitive"] = [
        ("{l}的企业工资更高，我们有两位{w}被{p}挖走了。", "Firms in {l} pay more; {p} poached two of our {w}."),
        ("招{w}的时候我们和{l}的{p}竞争挺激烈的。", "When hiring {w} we compete hard with {p} in {l}.")],
    ["knowledge"] = [
        ("我们经常在行业协会的活动上和{l}的{p}交流{w}。", "We often exchange {w} with {p} from {l} at association events."),
        ("{l}的{p}每季度组织一次技术沙龙，我们都去参加，主要讨论{w}。", "{p} in {l} runs a seminar every quarter on {w}, and we always go."),
        ("我们从{l}的{p}那里了解到很多{w}。", "We learn a lot about {w} from {p} in {l}.")],
    ["view-collaborative"] = [
        ("{l}的企业主要做{w}，我们做的是另一段，所以是互补的，谈不上竞争。", "Firms in {l} mostly do {w}; we do another stage, so we complement each other rather than compete."),
        ("我们和{l}那边是上下游的关系，{w}离不开他们。", "{l} and we are upstream and downstream of each other; we cannot do {w} without them.")],
    ["view-competitive"] = [
        ("在争取{w}方面，我们和{l}的企业是竞争关系。", "When it comes to {w}, we compete with the firms in {l}."),
        ("说实话，{l}的企业和我们做的差不多，{w}上经常碰到。", "Honestly, firms in {l} do much the same as we do; we keep meeting them over {w}.")],
};
var what = new Dictionary<string, string[][]>   // [zh, en] pairs per linkage type
{
    ["research"] = [["早期药物筛选", "early-stage screening"], ["抗体工程", "antibody engineering"], ["临床前研究", "pre-clinical studies"],
        ["检测方法开发", "assay development"], ["工艺开发", "process development"], ["临床试验设计", "clinical trial design"]],
    ["supplier"] = [["原料药", "active ingredients"], ["试剂和耗材", "reagents and consumables"], ["包装材料", "packaging"],
        ["生产设备", "production equipment"], ["检测服务", "testing services"], ["细胞培养基", "cell culture media"]],
    ["customer"] = [["中试生产服务", "pilot-scale production"], ["检测服务", "testing services"], ["制剂产品", "finished formulations"],
        ["诊断试剂盒", "diagnostic kits"], ["临床前服务", "pre-clinical services"]],
    ["labour"] = [["生产主管", "production supervisors"], ["研究员", "research scientists"], ["质量管理人员", "QA staff"],
        ["注册专员", "regulatory specialists"], ["毕业生", "graduates"]],
    ["knowledge"] = [["技术信息", "technical information"], ["市场信息", "market intelligence"], ["注册政策", "regulatory policy"],
        ["GMP经验", "GMP practice"], ["融资渠道", "funding sources"]],
    ["view-competitive"] = [["医院招标", "hospital tenders"], ["同一批客户", "the same customers"]],
};
var parkWork = new Dictionary<string, string[]> { ["ZLS"] = ["研发", "research and discovery"], ["YZ"] = ["规模化生产", "large-scale manufacturing"], ["DX"] = ["生产和中药制造", "manufacturing and TCM production"] };
// Partners outside the parks, by location and linkage type (invented names; kinds as the codebook's).
Outside O(string zh, string en, string kind, string placeZh, string placeEn) => new(zh, en, kind, placeZh, placeEn);
var outside = new Dictionary<(string Loc, string Type), Outside[]>
{
    [("BJ", "research")] = [O("北京大学医学部", "Peking University Health Science Center", "university", "北京", "Beijing"),
        O("清华大学药学院", "Tsinghua School of Pharmaceutical Sciences", "university", "北京", "Beijing"),
        O("中国医学科学院药物研究所", "the Institute of Materia Medica (CAMS)", "institute", "北京", "Beijing"),
        O("北京协和医院", "Peking Union Medical College Hospital", "hospital", "北京", "Beijing")],
    [("BJ", "supplier")] = [O("北京科仪试剂公司", "Beijing Keyi Reagents", "firm", "北京", "Beijing"), O("北京康信检测中心", "Beijing Kangxin Testing Centre", "service", "北京", "Beijing")],
    [("BJ", "customer")] = [O("北京协和医院", "Peking Union Medical College Hospital", "hospital", "北京", "Beijing"),
        O("北京友谊医院", "Beijing Friendship Hospital", "hospital", "北京", "Beijing"), O("华北医药流通公司", "North China Pharma Distribution", "firm", "北京", "Beijing")],
    [("BJ", "labour")] = [O("北京大学医学部", "Peking University Health Science Center", "university", "北京", "Beijing"),
        O("北京化工大学", "Beijing University of Chemical Technology", "university", "北京", "Beijing"), O("北京协和医院", "Peking Union Medical College Hospital", "hospital", "北京", "Beijing")],
    [("BJ", "knowledge")] = [O("北京生物医药产业联盟", "the Beijing Biomedical Industry Alliance", "service", "北京", "Beijing"),
        O("北京市科委", "the Beijing Science and Technology Commission", "government", "北京", "Beijing"), O("中关村创投", "Zhongguancun Ventures", "investor", "北京", "Beijing")],
    [("CN", "research")] = [O("上海睿普医药研发公司", "Shanghai Ruipu Pharma R&D", "service", "上海", "Shanghai"), O("四川大学华西医院", "West China Hospital", "hospital", "成都", "Chengdu")],
    [("CN", "supplier")] = [O("河北华晨原料药公司", "Hebei Huachen APIs", "firm", "河北", "Hebei"), O("山东鲁信包装公司", "Shandong Luxin Packaging", "firm", "山东", "Shandong"),
        O("江苏康宁医药物流", "Jiangsu Kangning Logistics", "service", "江苏", "Jiangsu")],
    [("CN", "customer")] = [O("广州第一人民医院", "Guangzhou First People's Hospital", "hospital", "广州", "Guangzhou"), O("华东医药分销公司", "East China Pharma Distribution", "firm", "杭州", "Hangzhou")],
    [("CN", "labour")] = [O("沈阳药科大学", "Shenyang Pharmaceutical University", "university", "沈阳", "Shenyang")],
    [("CN", "knowledge")] = [O("中国医药创新促进会", "the China Pharmaceutical Innovation Association", "service", "全国", "China")],
    [("ABROAD", "research")] = [O("多伦多大学", "the University of Toronto", "university", "加拿大", "Canada"), O("波士顿抗体实验室", "Boston Antibody Labs", "firm", "美国", "the US")],
    [("ABROAD", "supplier")] = [O("海德堡生物工艺公司", "Heidelberg Bioprocess GmbH", "firm", "德国", "Germany"), O("瑞士龙沙", "Lonza", "firm", "瑞士", "Switzerland")],
    [("ABROAD", "customer")] = [O("新加坡临床合作公司", "Singapore Clinical Partners", "service", "新加坡", "Singapore"), O("雅加达医药分销商", "a Jakarta distributor", "firm", "印尼", "Indonesia")],
    [("ABROAD", "labour")] = [O("多伦多大学", "the University of Toronto", "university", "加拿大", "Canada")],
    [("ABROAD", "knowledge")] = [O("美国BIO大会", "the BIO convention", "service", "美国", "the US")],
};

// Where a park's firms find each kind of partner (weights over ZLS, YZ, DX, BJ, CN, ABROAD). ZLS does research
// and sells it to the manufacturing parks; Yizhuang and Daxing manufacture, buy research from ZLS and trade
// with each other; both compete with each other for workers (the thin, mixed place the demo shows).
var weights = new Dictionary<(string Park, string Type), int[]>
{
    [("ZLS", "research")] = [2, 2, 1, 3, 0, 2], [("ZLS", "supplier")] = [2, 1, 0, 2, 2, 2], [("ZLS", "customer")] = [1, 3, 3, 1, 1, 0],
    [("ZLS", "labour")] = [2, 2, 0, 3, 0, 0], [("ZLS", "knowledge")] = [2, 2, 1, 2, 0, 1],
    [("YZ", "research")] = [4, 1, 1, 2, 0, 1], [("YZ", "supplier")] = [1, 2, 2, 1, 3, 1], [("YZ", "customer")] = [0, 1, 2, 4, 2, 1],
    [("YZ", "labour")] = [1, 2, 3, 2, 0, 0], [("YZ", "knowledge")] = [2, 2, 2, 1, 0, 0],
    [("DX", "research")] = [4, 1, 1, 2, 0, 0], [("DX", "supplier")] = [0, 2, 2, 1, 3, 1], [("DX", "customer")] = [1, 2, 1, 3, 2, 1],
    [("DX", "labour")] = [1, 3, 2, 2, 0, 0], [("DX", "knowledge")] = [2, 2, 2, 1, 0, 0],
};
string[] locations = ["ZLS", "YZ", "DX", "BJ", "CN", "ABROAD"];
string Weighted(int[] w) { var r = rng.Next(w.Sum()); for (var i = 0; i < w.Length; i++) { if (r < w[i]) return locations[i]; r -= w[i]; } return locations[^1]; }

string[] types = ["research", "supplier", "customer", "labour", "knowledge"];
var questions = new Dictionary<string, (string Zh, string En)>
{
    ["research"] = ("你们的研发合作伙伴主要有哪些？", "Who are your main R&D partners?"),
    ["supplier"] = ("你们的原材料和服务主要从哪里采购？", "Where do your inputs and services come from?"),
    ["customer"] = ("你们的客户主要是谁？", "And your customers?"),
    ["labour"] = ("在招聘方面，你们的员工主要从哪里来？和其他园区的企业有什么人员往来？", "Where do your key staff come from, and do people move between you and the other parks?"),
    ["knowledge"] = ("技术和市场信息主要从哪里获得？", "Where do you get technical and market knowledge?"),
};
var reasons = new Dictionary<string, (string Zh, string En)[]>
{
    ["ZLS"] = [("当初选择生命园，主要是离北大、清华和研究所近，研发政策支持也多。", "We chose ZLS Park because it is close to the universities and institutes, and R&D policies are generous."),
               ("园区的孵化器和公共实验平台对初创企业很有帮助。", "The park's incubator and shared laboratories helped us a lot as a start-up.")],
    ["YZ"] = [("亦庄的土地和厂房条件好，基础设施完善，适合建GMP车间。", "Yizhuang has good land and buildings and solid infrastructure, which suits a GMP plant."),
              ("开发区的审批效率高，对生产型企业的扶持力度大。", "The development area approves things quickly and supports manufacturers strongly.")],
    ["DX"] = [("大兴的土地成本比较低，生物医药基地有专门的产业政策。", "Land in Daxing is cheaper, and the pharmaceutical base has its own industrial policies."),
              ("我们需要比较大的生产空间，大兴能提供。", "We need a lot of production space, and Daxing can provide it.")],
};
var drawbacks = new (string Zh, string En)[]
{
    ("不足是交通不太方便，员工通勤时间长。", "The drawback is transport: staff commute a long way."),
    ("配套的生活设施还不够，招人留人有难度。", "Housing and services nearby are still thin, which makes hiring and keeping staff hard."),
    ("房租涨得比较快，对小企业压力大。", "Rents are rising fast, which is hard on small firms."),
};

var interviewsJson = new JsonArray();
var segments = new List<string[]>();
var assignments = new List<string[]>();
var adjudications = new List<string[]>();
var doubleCoded = new HashSet<int> { 0, 3, 7, 10, 14, 17 };   // indexes into interviewed (2 per park)
var adjudicated = new HashSet<int> { 0, 7 };
var unfinished = new HashSet<int> { 5, 12 };                   // coder 1 still working on these
var respondents = new HashSet<string>();
for (var n = 0; n < interviewed.Count; n++)
{
    var (f, day, time) = interviewed[n];
    var others = parks.Where(p => p != f.Park).ToArray();
    var sb = new StringBuilder();
    var used = new HashSet<string>();
    var coded = new List<Passage>();
    var partners = new JsonArray();
    bool zh() => Chance(0.5);
    void Q(bool z, string qZh, string qEn) => sb.Append(z ? "访谈员：" + qZh : "Interviewer: " + qEn).Append('\n');
    void A(bool z, string s) => sb.Append(z ? "受访者：" : "Respondent: ").Append(s).Append('\n');

    var employees = f.Size switch { "20-99" => 30 + rng.Next(60), "100-499" => 120 + rng.Next(350), _ => 520 + rng.Next(600) };
    var rdStaff = f.Park == "ZLS" ? employees * (40 + rng.Next(40)) / 100 : employees * (5 + rng.Next(20)) / 100;
    var z0 = zh();
    Q(z0, "您好，感谢您接受我们的访谈。请先简单介绍一下贵公司。", "Thank you for your time. Could you briefly introduce the company?");
    A(z0, z0 ? $"我们是{f.Founded}年在{locZh[f.Park]}成立的，现在有{employees}名员工，其中研发人员{rdStaff}人。"
             : $"We were founded in {locEn[f.Park]} in {f.Founded} and have {employees} staff, {rdStaff} of them in R&D.");
    var r = Pick(reasons[f.Park]);
    Q(z0, "当初为什么选择落户这里？", "Why did you locate here?");
    A(z0, z0 ? r.Zh : r.En);

    foreach (var type in types)
    {
        var z = zh();
        Q(z, questions[type].Zh, questions[type].En);
        var count = type is "research" or "supplier" or "customer" ? 2 : 1 + rng.Next(2);
        for (var k = 0; k < count; k++)
        {
            var loc = Weighted(weights[(f.Park, type)]);
            if (k == 1 && count == 2 && coded.Count(c => c.Type == type && parks.Contains(c.Location)) == 0 && Chance(0.6)) loc = Pick(others);
            string pName, kind, place;
            if (parks.Contains(loc))
            {
                var partnerFirm = Pick(firms.Where(o => o.Park == loc && o != f).ToList());
                (pName, kind, place) = (z ? partnerFirm.NameZh : partnerFirm.NameEn, partnerFirm.Sub == "cro" ? "service" : "firm", z ? locZh[loc] : locEn[loc]);
            }
            else
            {
                var o = Pick(outside[(loc, type)]);
                (pName, kind, place) = (z ? o.Zh : o.En, o.Kind, z ? o.PlaceZh : o.PlaceEn);
                // "北京的北京协和医院" reads badly: a name that starts with its place gets a plainer place word.
                if (z && pName.StartsWith(place, StringComparison.Ordinal)) place = loc == "BJ" ? "市里" : loc == "CN" ? "外地" : "国外";
            }
            var competitive = type == "labour" && parks.Contains(loc) && loc != f.Park && (f.Park != "ZLS" && loc != "ZLS" ? Chance(0.6) : Chance(0.3));
            var key = competitive ? "labour-competitive" : type;
            var nature = competitive ? "competitive" : parks.Contains(loc) && loc != f.Park ? (Chance(0.85) ? "collaborative" : "neutral")
                : type is "research" or "knowledge" ? "collaborative" : "neutral";
            var template = library[key].Where(t => !used.Contains(t.Zh)).ToList() is { Count: > 0 } free ? Pick(free) : Pick(library[key]);
            used.Add(template.Zh);
            var w = Pick(what[type]);
            var sentence = (z ? template.Zh : template.En).Replace("{p}", pName).Replace("{l}", place).Replace("{w}", z ? w[0] : w[1]);
            if (used.Contains(sentence)) continue;
            used.Add(sentence);
            A(z, sentence);
            coded.Add(new Passage(sentence, type, loc, kind, nature, pName));
            var question = type switch { "research" => "B1", "supplier" => "C1", "customer" => "C2", "labour" => "D5", _ => "E2" };
            var row = new JsonObject { ["question"] = question, ["name"] = pName, ["kind"] = kind, ["location"] = loc,
                ["since"] = Math.Max(f.Founded, 2008 + rng.Next(17)), ["activity"] = z ? w[0] : w[1], ["nature"] = nature };
            partners.Add(row);
        }
    }
    // Views of the other parks (section F), coded as knowledge of the other park with their nature.
    var fAnswers = new Dictionary<string, string>();
    foreach (var other in others)
    {
        var z = zh();
        Q(z, $"您怎么看{locZh[other]}的企业？是合作伙伴还是竞争对手？", $"How do you see the firms in {locEn[other]}: partners or competitors?");
        var rivals = f.Park != "ZLS" && other != "ZLS" ? Chance(0.45) : Chance(0.1);
        var key = rivals ? "view-competitive" : "view-collaborative";
        var w = rivals ? Pick(what["view-competitive"]) : parkWork[other];
        var sentence = (z ? Pick(library[key]).Zh : Pick(library[key]).En).Replace("{l}", z ? locZh[other] : locEn[other]).Replace("{w}", z ? w[0] : w[1]);
        A(z, sentence);
        coded.Add(new Passage(sentence, rivals ? "customer" : "knowledge", other, "firm", rivals ? "competitive" : "collaborative", null));
        var q = "F" + (Array.IndexOf(parks, other) + 1);
        fAnswers[q] = rivals ? (Chance(0.5) ? "competitors" : "both") : "partners";
        fAnswers[q + "W"] = sentence;
    }
    var d = Pick(drawbacks);
    var zc = zh();
    Q(zc, "最后，您觉得所在园区有哪些优势和不足？", "Finally, what are the advantages and drawbacks of your location?");
    var advantage = reasons[f.Park].First(x => x != r);   // the other reason, not a repeat of the first answer
    A(zc, zc ? advantage.Zh : advantage.En);
    A(zc, zc ? d.Zh : d.En);
    Q(zc, "非常感谢！以后可以再联系您做回访吗？", "Thank you very much. May we contact you again for a follow-up?");
    A(zc, zc ? "可以，没问题。" : "Yes, of course.");

    var file = $"transcripts/{f.Park.ToLowerInvariant()}-{f.Index + 1:00}.txt";
    File.WriteAllText(Path.Combine(outDir, file), sb.ToString(), new UTF8Encoding(false));

    // Answers: the whole guide. Splits add to 100; partner lists mirror the transcript.
    var activities = f.Park switch
    {
        "ZLS" => new[] { "rd" }.Concat(Chance(0.7) ? ["clinical"] : []).Concat(f.Sub == "cro" || Chance(0.3) ? ["services"] : []),
        "YZ" => new[] { "manufacturing" }.Concat(Chance(0.8) ? ["sales"] : []).Concat(Chance(0.5) ? ["rd"] : []),
        // Daxing manufactures too (TCM), but its firms also sell testing and clinical services where Yizhuang's
        // sell their own products: the two manufacturing parks are complementary, not copies (Duncan's D about 0.45).
        _ => new[] { "manufacturing" }.Concat(Chance(0.7) ? ["services"] : []).Concat(f.Sub == "cro" || Chance(0.35) ? ["clinical"] : []).Concat(Chance(0.2) ? ["sales"] : []),
    };
    string Split(string type)
    {
        var counts = locations.Select(l => coded.Count(c => c.Type == type && c.Location == l) + (l is "CN" or "BJ" ? 1 : 0)).ToArray();
        var total = counts.Sum();
        var shares = counts.Select(c => c * 100 / total).ToArray();
        shares[Array.IndexOf(counts, counts.Max())] += 100 - shares.Sum();
        return JsonSerializer.Serialize(locations.Zip(shares).ToDictionary(x => x.First, x => x.Second));
    }
    var hiresFromParks = coded.Count(c => c.Type == "labour" && parks.Contains(c.Location) && c.Location != f.Park);
    var answers = new JsonObject
    {
        ["A1"] = f.Founded.ToString(CultureInfo.InvariantCulture), ["A2"] = employees.ToString(CultureInfo.InvariantCulture),
        ["A3"] = rdStaff.ToString(CultureInfo.InvariantCulture), ["A4"] = Pick(new[] { "private", "private", "soe", "foreign", "jv" }), ["A5"] = f.Sub,
        ["A6"] = JsonSerializer.Serialize(activities.ToArray()), ["A7"] = r.Zh + " " + r.En,
        ["B2"] = (f.Park == "ZLS" ? 50 + rng.Next(40) : 20 + rng.Next(50)).ToString(CultureInfo.InvariantCulture),
        ["C3"] = Split("supplier"), ["C4"] = Split("customer"),
        ["D1"] = JsonSerializer.Serialize(coded.Where(c => c.Type == "labour").Select(c => c.Location).Append("BJ").Distinct().ToArray()),
        ["D2"] = (hiresFromParks * (1 + rng.Next(4))).ToString(CultureInfo.InvariantCulture), ["D3"] = rng.Next(4).ToString(CultureInfo.InvariantCulture),
        ["D4"] = (3 + rng.Next(3)).ToString(CultureInfo.InvariantCulture),
        ["E1"] = JsonSerializer.Serialize(new[] { "conferences", "associations", "informal", "government", "publications" }.Where(_ => Chance(0.6)).Append("associations").Distinct().ToArray()),
        ["E3"] = Pick(new[] { "yearly", "monthly", "monthly", "weekly" }),
        ["F4"] = advantage.Zh + " " + advantage.En, ["F5"] = d.Zh + " " + d.En, ["G1"] = "yes", ["G3"] = Chance(0.5) ? "受访者很配合，材料已发邮件。" : "Respondent was open; sent the brochure by e-mail.",
    };
    foreach (var (k, v) in fAnswers) answers[k] = v;
    var respondent = f.Contact ?? Pick(surnames) + Pick(given);
    interviewsJson.Add(new JsonObject
    {
        ["firm"] = f.NameEn, ["interviewer"] = Interviewer, ["day"] = day, ["beijing_time"] = time,
        ["respondent"] = respondent, ["respondentTitle"] = f.Title ?? Pick(titles), ["status"] = "Approved", ["transcript"] = file,
        ["answers"] = answers, ["partners"] = partners,
    });

    // Coding: coder 1 codes every transcript; coder 2 a third of them, with honest differences.
    foreach (var c in coded) segments.Add([f.NameEn, Coder1, c.Quote, c.Type, c.Location, c.Kind, c.Nature, c.Partner ?? ""]);
    assignments.Add([f.NameEn, Coder1, unfinished.Contains(n) ? "" : "yes"]);
    if (!doubleCoded.Contains(n)) continue;
    assignments.Add([f.NameEn, Coder2, "yes"]);
    foreach (var c in coded)
    {
        var roll = rng.NextDouble();
        if (roll < 0.06)   // coder 2 did not see a linkage here
        {
            if (adjudicated.Contains(n)) adjudications.Add([f.NameEn, c.Quote, Coder1, "Coder 2 missed this passage. 编码员二漏编了这一段。"]);
            continue;
        }
        var b = c;
        string? why = null;
        if (roll < 0.16 && c.Nature == "collaborative") (b, why) = (c with { Nature = "neutral" }, "Nature: the respondent describes joint work. 性质：受访者描述的是合作。");
        else if (roll < 0.22 && c.Type == "knowledge") (b, why) = (c with { Type = "research" }, "Type: informal exchange, not contracted R&D. 类型：非正式交流，不是研发合作。");
        else if (roll < 0.27 && c.Type == "labour" && c.Nature == "competitive") (b, why) = (c with { Nature = "neutral" }, "Nature: poaching is rivalry for staff. 性质：挖人属于人才竞争。");
        // Coder 2 often quotes only the first clause: same passage, shorter span.
        var quote = Chance(0.3) && c.Quote.IndexOfAny(['，', ',', ';']) is var cut and > 8 ? c.Quote[..cut] : c.Quote;
        segments.Add([f.NameEn, Coder2, quote, b.Type, b.Location, b.Kind, b.Nature, b.Partner ?? ""]);
        if (why is not null && adjudicated.Contains(n))
            adjudications.Add(Chance(0.75) ? [f.NameEn, c.Quote, Coder1, why]
                : [f.NameEn, c.Quote, Coder2, "Coder 2's reading: the passage is too vague for coder 1's code. 编码员二的判断更稳妥。"]);
    }
    // One passage coder 2 saw and coder 1 did not: the reasons for locating, read as policy knowledge.
    var extra = z0 ? r.Zh : r.En;
    segments.Add([f.NameEn, Coder2, extra, "knowledge", "BJ", "government", "neutral", ""]);
    if (adjudicated.Contains(n)) adjudications.Add([f.NameEn, extra, "reject", "Reasons for location, not a linkage. 区位原因，不是联系。"]);
}

var jsonOptions = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
File.WriteAllText(Path.Combine(outDir, "interviews.json"), interviewsJson.ToJsonString(jsonOptions) + "\n", new UTF8Encoding(false));
WriteCsv("firms.csv", ["name_zh", "name_en", "park", "address", "subsector", "founded", "size_band", "website", "contact_name", "contact_title", "phone", "email", "assigned_to"],
    firms.Select(f => new[] { f.NameZh, f.NameEn, f.Park, f.Address, f.Sub, f.Founded.ToString(CultureInfo.InvariantCulture), f.Size, f.Website ?? "",
        f.Contact ?? "", f.Title ?? "", f.Phone, f.Contact is null ? "" : $"contact{firms.IndexOf(f) + 1}@example.org", Interviewer }));
WriteCsv("calls.csv", ["firm", "interviewer", "day", "beijing_time", "number", "disposition", "note", "callback_day", "callback_beijing_time"], calls);
WriteCsv("segments.csv", ["firm", "coder", "quote", "linkage_type", "partner_location", "partner_kind", "nature", "partner_name"], segments);
WriteCsv("assignments.csv", ["firm", "coder", "completed"], assignments);
WriteCsv("adjudications.csv", ["firm", "quote", "accept", "note"], adjudications);
Console.WriteLine($"seed/demo: {firms.Count} firms, {calls.Count} calls, {interviewed.Count} interviews, {segments.Count} segments, {adjudications.Count} adjudications.");
return 0;

void WriteCsv(string name, string[] header, IEnumerable<string[]> rows)
{
    static string Cell(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    var text = new StringBuilder(string.Join(",", header)).Append('\n');
    foreach (var row in rows) text.Append(string.Join(",", row.Select(Cell))).Append('\n');
    File.WriteAllText(Path.Combine(outDir, name), text.ToString(), new UTF8Encoding(false));
}
static string Inv(int i) => i.ToString(CultureInfo.InvariantCulture);

sealed record Firm(string Park, int Index, string NameZh, string NameEn, string Sub, int Founded, string Size, string Address,
    string Phone, string? Contact, string? Title, string? Website);
sealed record Outside(string Zh, string En, string Kind, string PlaceZh, string PlaceEn);
sealed record Passage(string Quote, string Type, string Location, string Kind, string Nature, string? Partner);
