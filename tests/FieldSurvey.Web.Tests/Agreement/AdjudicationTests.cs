using System.Net;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Agreement;

public sealed class AdjudicationTests(AdjudicationTests.Fixture fixture) : IClassFixture<AdjudicationTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Poaching = "我们有几位生产主管是从大兴的天坛生物跳槽过来的";

    (int TranscriptId, Segment A, Segment B) DoubleCoded(string quote) => fixture.With(db =>
    {
        var segments = db.Segments.AsNoTracking().Where(s => s.Quote.StartsWith(quote) && !s.IsConsensus).ToList();
        var users = db.Users.ToDictionary(u => u.Id, u => u.Email);
        return (segments[0].TranscriptId, segments.Single(s => users[s.CoderId!] == Coder1), segments.Single(s => users[s.CoderId!] == Coder2));
    });

    static string Coder1 => AppFactory.Coder1;
    static string Coder2 => AppFactory.Coder2;

    static Dictionary<string, string> Accept(Segment a, Segment b, string kind, int? decisionId = null, int version = 0, string? note = null) => new()
    {
        ["Input.SegmentAId"] = a.Id.ToString(), ["Input.SegmentBId"] = b.Id.ToString(), ["Input.Kind"] = kind,
        ["Input.DecisionId"] = decisionId?.ToString() ?? "", ["Input.Version"] = version.ToString(), ["Input.Note"] = note ?? "",
    };

    [Fact]
    public async Task Accepting_a_coders_version_creates_an_audited_consensus_segment_and_keeps_the_originals()
    {
        var (transcriptId, a, b) = DoubleCoded(Poaching);
        var before = fixture.With(db => db.Segments.AsNoTracking().Where(s => !s.IsConsensus).OrderBy(s => s.Id).Select(s => new { s.Id, s.Version, s.NatureId, s.Quote }).ToList());
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var url = $"/Agreement/Adjudicate?transcriptId={transcriptId}";

        var response = await pi.PostFormAsync(url + "&handler=Decide", Accept(a, b, "AcceptB", note: "挖人是竞争"), formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (decision, consensus, text) = fixture.With(db =>
        {
            var d = db.AdjudicationDecisions.Single(x => x.SegmentAId == a.Id && x.SegmentBId == b.Id);
            return (d, db.Segments.Single(s => s.Id == d.ConsensusSegmentId), db.Transcripts.Single(t => t.Id == transcriptId).Text);
        });
        Assert.True(consensus.IsConsensus);
        Assert.Null(consensus.CoderId);
        Assert.Equal(b.NatureId, consensus.NatureId);
        Assert.Equal(text[consensus.Start..consensus.End], consensus.Quote);
        Assert.Equal(before, fixture.With(db => db.Segments.AsNoTracking().Where(s => !s.IsConsensus).OrderBy(s => s.Id).Select(s => new { s.Id, s.Version, s.NatureId, s.Quote }).ToList()));

        var audit = fixture.With(db => db.AuditEntries.Where(e => e.Entity == "Segment" && e.EntityId == consensus.Id.ToString()).ToList());
        var added = Assert.Single(audit, e => e.Action == "Added");
        Assert.Equal(AppFactory.PI, added.UserName);
        Assert.Contains("accepted Demo Coder 2", added.Reason);
        Assert.Contains("挖人是竞争", added.Reason);
        Assert.Contains(fixture.With(db => db.AuditEntries.ToList()), e => e.Entity == "AdjudicationDecision" && e.EntityId == decision.Id.ToString());

        var page = await pi.GetStringAsync(url);
        Assert.Matches(@"[1-7] of 7 units decided", page);
    }

    [Fact]
    public async Task A_decision_can_be_changed_but_a_stale_change_is_refused()
    {
        var (transcriptId, a, b) = DoubleCoded("原料药大部分来自河北和山东的供应商");
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var url = $"/Agreement/Adjudicate?transcriptId={transcriptId}";
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync(url + "&handler=Decide", Accept(a, b, "AcceptA"), url)).StatusCode);
        var first = fixture.With(db => db.AdjudicationDecisions.AsNoTracking().Single(x => x.SegmentAId == a.Id));

        var change = await pi.PostFormAsync(url + "&handler=Decide", Accept(a, b, "Reject", first.Id, first.Version, "not a linkage"), url);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var stale = await pi.PostFormAsync(url + "&handler=Decide", Accept(a, b, "AcceptB", first.Id, first.Version), url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else decided this passage", await stale.Content.ReadAsStringAsync());

        var (decision, consensus) = fixture.With(db =>
        {
            var d = db.AdjudicationDecisions.AsNoTracking().Single(x => x.Id == first.Id);
            return (d, db.Segments.AsNoTracking().Single(s => s.Id == d.ConsensusSegmentId));
        });
        Assert.Equal(FieldSurvey.Core.Agreement.DecisionKind.Reject, decision.Kind);
        Assert.NotNull(consensus.DeletedAtUtc); // the rejected consensus segment is retired, not deleted
    }

    [Fact]
    public async Task A_second_first_decision_on_the_same_unit_is_refused()
    {
        var (transcriptId, a, b) = DoubleCoded("我们和北京大学医学部合作开展临床前研究");
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var url = $"/Agreement/Adjudicate?transcriptId={transcriptId}";
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync(url + "&handler=Decide", Accept(a, b, "AcceptA"), url)).StatusCode);
        var second = await pi.PostFormAsync(url + "&handler=Decide", Accept(a, b, "Reject"), url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var decisions = fixture.With(db => db.AdjudicationDecisions.Where(d => d.SegmentAId == a.Id).ToList());
        Assert.Equal(FieldSurvey.Core.Agreement.DecisionKind.AcceptA, Assert.Single(decisions).Kind);
    }

    [Fact]
    public async Task Accepting_a_coder_who_did_not_code_the_passage_is_refused_at_the_form()
    {
        var (transcriptId, a, _) = DoubleCoded(Poaching);
        var only = fixture.With(db => db.Segments.AsNoTracking().Single(s => s.Quote.StartsWith("大兴那边") && !s.IsConsensus));
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var url = $"/Agreement/Adjudicate?transcriptId={transcriptId}";
        var response = await pi.PostFormAsync(url + "&handler=Decide", new()
        {
            ["Input.SegmentAId"] = only.Id.ToString(), ["Input.SegmentBId"] = "", ["Input.Kind"] = "AcceptB", ["Input.Version"] = "0",
        }, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("did not code this passage", await response.Content.ReadAsStringAsync());
        Assert.False(fixture.With(db => db.AdjudicationDecisions.Any(d => d.SegmentAId == only.Id)));
        Assert.NotEqual(a.Id, only.Id);
    }

    [Fact]
    public async Task A_coder_cannot_open_or_post_to_the_agreement_pages()
    {
        var (transcriptId, a, b) = DoubleCoded(Poaching);
        var coder = await fixture.SignedInAsync(AppFactory.Coder1);
        foreach (var url in new[] { "/Agreement", $"/Agreement/Adjudicate?transcriptId={transcriptId}", "/Agreement?handler=Csv" })
        {
            var response = await coder.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true, url);
        }
        // A coder has no form to take a token from; even with a token from a page they may open, the post is refused.
        var token = HttpClientForms.Token(await coder.GetStringAsync("/Profile"))!;
        var post = await coder.PostAsync($"/Agreement/Adjudicate?transcriptId={transcriptId}&handler=Decide",
            new FormUrlEncodedContent(new Dictionary<string, string>(Accept(a, b, "AcceptA")) { ["__RequestVerificationToken"] = token }));
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden || post.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true);
        var coderId = fixture.With(db => db.Users.Single(u => u.Email == AppFactory.Coder1).Id);
        Assert.False(fixture.With(db => db.AdjudicationDecisions.Any(d => d.DecidedById == coderId)));
    }

    [Fact]
    public async Task A_theme_on_one_coders_passage_only_is_a_disagreement_the_PI_settles_into_the_consensus_and_a_stale_change_is_refused()
    {
        // Two coders agree on the linkage type of one passage; coder 1 (A, by name) gives it theme X, coder 2 (B) theme Y.
        const string quote = "区里的税收优惠让我们把研发放在亦庄";
        var (x, y) = fixture.With(db =>
        {
            var terms = new[] { "adj-x", "adj-y" }.Select(c => new Term { Kind = TermKind.Theme, Code = c, NameEn = "Tax " + c, NameZh = "税收" + c }).ToList();
            db.Terms.AddRange(terms);
            db.SaveChanges();
            return (terms[0].Id, terms[1].Id);
        });
        var transcriptId = await fixture.TranscriptAsync("受访者：" + quote + "。", Coder1, Coder2);
        var start = fixture.With(db => db.Transcripts.Single(t => t.Id == transcriptId).Text).IndexOf(quote, StringComparison.Ordinal);
        var research = fixture.Term(TermKind.LinkageType, "research");
        foreach (var (email, theme) in new[] { (Coder1, x), (Coder2, y) })
        {
            var coder = await fixture.SignedInAsync(email);
            var saved = await coder.PostJsonAsync(transcriptId, "Save", new { id = (int?)null, version = 0, start, end = start + quote.Length, quote, typeId = research, themeIds = new[] { theme } });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            await coder.CompleteAsync(transcriptId);
        }
        var (a, b) = fixture.With(db =>
        {
            var coder1 = db.Users.Single(u => u.Email == Coder1).Id;
            var segments = db.Segments.AsNoTracking().Where(s => s.TranscriptId == transcriptId && !s.IsConsensus).ToList();
            return (segments.Single(s => s.CoderId == coder1), segments.Single(s => s.CoderId != coder1));
        });
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var url = $"/Agreement/Adjudicate?transcriptId={transcriptId}";

        // Listed as a disagreement with both coders' themes; accepting the agreed units leaves it alone.
        var page = await pi.GetStringAsync(url);
        var unit = Regex.Match(page, "data-testid=\"unit-1\"[^>]*>(.*?)data-testid=\"decide-1\"", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("disagreement", unit);
        Assert.Contains("Tax adj-x", unit);
        Assert.Contains("Tax adj-y", unit);
        await pi.PostFormAsync(url + "&handler=AcceptAgreed", new(), url);
        Assert.False(fixture.With(db => db.AdjudicationDecisions.Any(d => d.TranscriptId == transcriptId)));

        List<int> ConsensusThemes() => fixture.With(db =>
        {
            var d = db.AdjudicationDecisions.AsNoTracking().Single(d => d.TranscriptId == transcriptId);
            return db.SegmentThemes.Where(st => st.SegmentId == d.ConsensusSegmentId).Select(st => st.TermId).OrderBy(id => id).ToList();
        });
        Dictionary<string, string> Merge(string themes, int? decisionId = null, int version = 0) =>
            new(Accept(a, b, "Merge", decisionId, version)) { ["Input.Span"] = "Union", ["Input.TakeThemes"] = themes };
        string FrameworkCell(string page, int firm, string code) =>
            Regex.Match(WebUtility.HtmlDecode(page), $"data-testid=\"fw-{firm}-{code}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        var firm = fixture.With(db => db.Transcripts.Where(t => t.Id == transcriptId).Select(t => db.Interviews.Single(i => i.Id == t.InterviewId).FirmId).Single());
        var framework = $"/Coding/Analysis/Framework?Columns={x}&Columns={y}";

        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync(url + "&handler=Decide", Merge("Both"), url)).StatusCode);
        Assert.Equal([x, y], ConsensusThemes());
        var first = fixture.With(db => db.AdjudicationDecisions.AsNoTracking().Single(d => d.TranscriptId == transcriptId));
        Assert.Contains(fixture.With(db => db.AuditEntries.Where(e => e.Entity == "SegmentTheme" && e.Action == "Added").ToList()),
            e => e.UserName == AppFactory.PI && e.Reason!.Contains("merged both versions") && e.After!.Contains(first.ConsensusSegmentId.ToString()!));
        Assert.Contains("Tax adj-y", Regex.Match(await pi.GetStringAsync(url), "data-testid=\"consensus-themes\">(.*?)</span>").Groups[1].Value);
        var matrix = await pi.GetStringAsync(framework);
        Assert.Contains(quote, FrameworkCell(matrix, firm, "adj-x"));
        Assert.Contains(quote, FrameworkCell(matrix, firm, "adj-y"));

        // Changed to keep only the themes both gave: none; then a change made from the first version is stale.
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync(url + "&handler=Decide", Merge("Neither", first.Id, first.Version), url)).StatusCode);
        Assert.Empty(ConsensusThemes());
        var stale = await pi.PostFormAsync(url + "&handler=Decide", Merge("A", first.Id, first.Version), url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else decided this passage", await stale.Content.ReadAsStringAsync());
        Assert.Empty(ConsensusThemes());
        matrix = await pi.GetStringAsync(framework);
        Assert.DoesNotContain(quote, FrameworkCell(matrix, firm, "adj-x"));
        Assert.DoesNotContain(quote, FrameworkCell(matrix, firm, "adj-y"));

        var keepA = fixture.With(db => db.AdjudicationDecisions.AsNoTracking().Single(d => d.TranscriptId == transcriptId));
        Assert.Equal(HttpStatusCode.Redirect, (await pi.PostFormAsync(url + "&handler=Decide", Merge("A", keepA.Id, keepA.Version), url)).StatusCode);
        Assert.Equal([x], ConsensusThemes());
    }
}
