using System.Globalization;
using System.Text;

namespace FieldSurvey.Core.Synthetic;

/// <summary>How big a synthetic study to make.</summary>
public enum SyntheticSize
{
    /// <summary>Demo scale: 12 firms, 4 transcripts.</summary>
    Small,
    /// <summary>A real study's scale: 300 firms, 120 transcripts.</summary>
    Study,
    /// <summary>Well beyond a real study: 2,000 firms, 2,000 transcripts, 200,000 coded segments.</summary>
    Large,
}

public sealed record SyntheticPlan(int Firms, int Transcripts, int SegmentsPerCoderPerTranscript, int Interviewers)
{
    public static SyntheticPlan For(SyntheticSize size) => size switch
    {
        SyntheticSize.Small => new(12, 4, 8, 1),
        SyntheticSize.Study => new(300, 120, 25, 4),
        _ => new(2000, 2000, 50, 10),
    };
}

public sealed record SyntheticFirm(int Index, string NameZh, string NameEn, string ParkCode, string Subsector, int Founded, string Phone, int Interviewer);
public sealed record SyntheticCall(int FirmIndex, DateTimeOffset AtUtc, string Disposition, string? Note, DateTimeOffset? CallbackAtUtc);
public sealed record SyntheticPartner(string QuestionId, string Name, string LinkageType, string Kind, string Location, string? Nature, int Since);
public sealed record SyntheticCode(string LinkageType, string Location, string Kind, string Nature);
public sealed record SyntheticSegment(int Coder, int Start, int End, string Quote, SyntheticCode Codes);
public sealed record SyntheticInterview(int FirmIndex, DateOnly Date, IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<SyntheticPartner> Partners, string Transcript, IReadOnlyList<SyntheticSegment> Segments);

/// <summary>The study's vocabulary codes the generator draws from.</summary>
public sealed record SyntheticVocabulary(IReadOnlyList<string> Parks, IReadOnlyList<string> LinkageTypes, IReadOnlyList<string> Locations,
    IReadOnlyList<string> Kinds, IReadOnlyList<string> Natures, IReadOnlyList<string> Subsectors, IReadOnlyList<string> Activities);

/// <summary>
/// A seeded, repeatable synthetic study: the same size and seed always give the same firms, calls,
/// interviews, transcripts (mixed Chinese and English, with linkage passages) and two coders' segments.
/// Coder 1 codes every planted passage as planted; coder 0 agrees except for a controlled share of
/// passages it misses (<see cref="MissRate"/>) or codes differently on one dimension (<see cref="DisagreeRate"/>),
/// and sometimes selects a slightly shorter span, so agreement statistics have something to find.
/// </summary>
public sealed class SyntheticStudy(SyntheticVocabulary vocabulary, int seed = 2026)
{
    public const double MissRate = 0.08;
    public const double DisagreeRate = 0.12;
    static readonly DateTimeOffset Start = new(2026, 9, 1, 1, 0, 0, TimeSpan.Zero);

    readonly Random random = new(seed);

    static readonly string[] Syllables = ["华", "康", "瑞", "泰", "博", "安", "中", "新", "科", "生", "源", "达", "明", "宏", "德", "正", "信", "诺", "奥", "嘉"];
    static readonly string[] Pinyin = ["Hua", "Kang", "Rui", "Tai", "Bo", "An", "Zhong", "Xin", "Ke", "Sheng", "Yuan", "Da", "Ming", "Hong", "De", "Zheng", "Xin", "Nuo", "Ao", "Jia"];
    static readonly (string Zh, string En)[] Suffixes = [("生物科技有限公司", "Biotech Co."), ("医药有限公司", "Pharmaceutical Co."),
        ("医疗器械有限公司", "Medical Devices Co."), ("诊断技术有限公司", "Diagnostics Ltd."), ("医药研究院", "Pharma Research Institute")];

    static readonly Dictionary<string, (string Zh, string En)> LocationWords = new()
    {
        ["ZLS"] = ("中关村生命科学园", "ZLS Park"), ["YZ"] = ("亦庄", "Yizhuang"), ["DX"] = ("大兴", "Daxing"),
        ["BJ"] = ("北京其他地区", "elsewhere in Beijing"), ["CN"] = ("上海", "Shanghai"), ["ABROAD"] = ("德国", "Germany"),
    };

    public IReadOnlyList<SyntheticFirm> Firms(SyntheticPlan plan) =>
        Enumerable.Range(0, plan.Firms).Select(i =>
        {
            var a = random.Next(Syllables.Length);
            var b = random.Next(Syllables.Length);
            var suffix = Suffixes[random.Next(Suffixes.Length)];
            return new SyntheticFirm(i, $"{Syllables[a]}{Syllables[b]}{suffix.Zh}{i + 1}号", $"{Pinyin[a]}{Pinyin[b].ToLowerInvariant()} {suffix.En} No.{i + 1}",
                vocabulary.Parks[i % vocabulary.Parks.Count], Pick(vocabulary.Subsectors), 1990 + random.Next(36),
                $"+86 10 {random.Next(6000, 9000)} {random.Next(1000, 9999)}", i % plan.Interviewers);
        }).ToList();

    /// <summary>Call attempts: interviewed firms end with a complete; the rest with realistic other outcomes.</summary>
    public IReadOnlyList<SyntheticCall> Calls(SyntheticPlan plan)
    {
        var calls = new List<SyntheticCall>();
        for (var f = 0; f < plan.Firms; f++)
        {
            var at = Start.AddHours(f % 500 * 3 + random.Next(3));
            var interviewed = f < plan.Transcripts;
            var noAnswers = random.Next(interviewed ? 3 : 4);
            for (var n = 0; n < noAnswers; n++, at = at.AddHours(20 + random.Next(30)))
                calls.Add(new SyntheticCall(f, at, "3.13", "No answer", null));
            if (interviewed) { calls.Add(new SyntheticCall(f, at, "1.1", "Interview completed", null)); continue; }
            var roll = random.NextDouble();
            calls.Add(roll switch
            {
                < 0.35 => new SyntheticCall(f, at, "2.11", "Refused", null),
                < 0.55 => new SyntheticCall(f, at, "2.21", "Respondent away; callback", at.AddDays(2)),
                < 0.65 => new SyntheticCall(f, at, "4.32", "Number disconnected", null),
                < 0.70 => new SyntheticCall(f, at, "1.2", "Partial interview", null),
                _ => new SyntheticCall(f, at, "3.13", "No answer", null),
            });
        }
        return calls;
    }

    public IEnumerable<SyntheticInterview> Interviews(SyntheticPlan plan, IReadOnlyList<SyntheticFirm> firms)
    {
        for (var t = 0; t < plan.Transcripts; t++)
        {
            var firm = firms[t];
            var text = new StringBuilder();
            var segments = new List<SyntheticSegment>();
            text.Append("访谈员：您好，感谢您接受访谈。请介绍一下贵公司。\n受访者：我们成立于").Append(firm.Founded).Append("年，位于")
                .Append(LocationWords.GetValueOrDefault(firm.ParkCode, ("园区", "the park")).Item1).Append("。\n");
            for (var p = 0; p < plan.SegmentsPerCoderPerTranscript; p++)
            {
                var codes = new SyntheticCode(Pick(vocabulary.LinkageTypes), PickLocation(firm.ParkCode), Pick(vocabulary.Kinds), Pick(vocabulary.Natures));
                text.Append(p % 2 == 0 ? "Interviewer: Could you say more about that?\n" : "访谈员：还有其他方面吗？\n");
                var prefix = p % 2 == 0 ? "Respondent: " : "受访者：";
                text.Append(prefix);
                var start = text.Length;
                text.Append(Passage(codes, p));
                var end = text.Length;
                text.Append(p % 3 == 0 ? " That has been important for us.\n" : "，这对我们很重要。\n");
                var quote = text.ToString(start, end - start);
                segments.Add(new SyntheticSegment(1, start, end, quote, codes));
                var roll = random.NextDouble();
                if (roll < MissRate) continue;
                var other = roll < MissRate + DisagreeRate ? Disagree(codes) : codes;
                var trim = random.NextDouble() < 0.2 ? Math.Min(3, quote.Length / 4) : 0;
                segments.Add(new SyntheticSegment(0, start, end - trim, quote[..^trim], other));
            }
            var activities = vocabulary.Activities.Where((_, i) => random.NextDouble() < 0.45 || i == t % vocabulary.Activities.Count).ToList();
            var answers = new Dictionary<string, string>
            {
                ["A1"] = firm.Founded.ToString(CultureInfo.InvariantCulture),
                ["A2"] = (20 + random.Next(800)).ToString(CultureInfo.InvariantCulture),
                ["A4"] = Pick(["soe", "private", "foreign", "jv"]),
                ["A5"] = firm.Subsector,
                ["A6"] = "[" + string.Join(",", activities.Select(a => $"\"{a}\"")) + "]",
                ["D4"] = (1 + random.Next(5)).ToString(CultureInfo.InvariantCulture),
                ["G1"] = "yes",
            };
            var partners = Enumerable.Range(0, 2 + random.Next(4)).Select(i =>
            {
                var type = Pick(vocabulary.LinkageTypes);
                return new SyntheticPartner(QuestionFor(type), $"合作伙伴{t}-{i} Partner {t}-{i}", type, Pick(vocabulary.Kinds),
                    PickLocation(firm.ParkCode), random.NextDouble() < 0.5 ? Pick(vocabulary.Natures) : null, 2000 + random.Next(26));
            }).ToList();
            yield return new SyntheticInterview(t, DateOnly.FromDateTime(Start.AddDays(t % 80).UtcDateTime), answers, partners, text.ToString(), segments);
        }
    }

    // Passages in both languages that name the partner's location, as respondents do.
    string Passage(SyntheticCode c, int n)
    {
        var (zh, en) = LocationWords.GetValueOrDefault(c.Location, ("外地", "elsewhere"));
        return (c.LinkageType, n % 2) switch
        {
            ("research", 0) => $"We run joint research projects with a partner in {en}, mainly on early-stage candidates",
            ("research", _) => $"我们和{zh}的一家机构合作开展研发项目，主要是早期研究",
            ("supplier", 0) => $"Most of our reagents and materials are bought from suppliers in {en}",
            ("supplier", _) => $"我们的原材料主要从{zh}的供应商采购",
            ("customer", 0) => $"A large share of our sales goes to customers in {en}",
            ("customer", _) => $"我们的产品主要销售给{zh}的客户",
            ("labour", 0) => $"Several of our key staff were hired from firms in {en}",
            ("labour", _) => $"我们有几位骨干员工是从{zh}的企业招聘来的",
            (_, 0) => $"We often exchange technical information with firms in {en} at association meetings",
            _ => $"我们经常在行业活动上和{zh}的企业交流技术信息",
        };
    }

    SyntheticCode Disagree(SyntheticCode c) => random.Next(4) switch
    {
        0 => c with { LinkageType = Other(vocabulary.LinkageTypes, c.LinkageType) },
        1 => c with { Location = Other(vocabulary.Locations, c.Location) },
        2 => c with { Kind = Other(vocabulary.Kinds, c.Kind) },
        _ => c with { Nature = Other(vocabulary.Natures, c.Nature) },
    };

    // Partners cluster: half within the firm's own park or the other parks, the rest beyond.
    string PickLocation(string focalPark) => random.NextDouble() < 0.3 ? focalPark : Pick(vocabulary.Locations);

    static string QuestionFor(string linkageType) => linkageType switch
    {
        "research" => "B1", "supplier" => "C1", "customer" => "C2", "labour" => "D5", _ => "E2",
    };

    string Other(IReadOnlyList<string> from, string not) => from.Count < 2 ? not : from.Where(x => x != not).ElementAt(random.Next(from.Count - 1));
    string Pick(IReadOnlyList<string> from) => from[random.Next(from.Count)];
}
