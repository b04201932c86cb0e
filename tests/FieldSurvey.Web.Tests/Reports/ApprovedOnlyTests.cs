using System.Net;
using System.Text;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Reports;

/// <summary>
/// Issue 18, error 2: only approved interviews count unless the PI says otherwise, and the filter is printed.
/// The small demo has Kangda (approved; Coder 1's six passages count) and Baiotai (submitted, not reviewed; four
/// passages by Coder 1 alone).
/// </summary>
public sealed class ApprovedOnlyTests(ApprovedOnlyTests.Fixture fixture) : IClassFixture<ApprovedOnlyTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string BaiotaiQuote = "We co-develop antibody candidates with Yichuang Bioengineering in Yizhuang";

    [Fact]
    public async Task By_default_only_approved_interviews_count_and_the_filter_is_printed_on_the_page_and_in_every_export()
    {
        Assert.Equal(InterviewStatus.Submitted, await fixture.WithAsync(db =>
            db.Interviews.Where(i => db.Firms.Any(f => f.Id == i.FirmId && f.NameEn == "Baiotai Kang Biotech Co.")).Select(i => i.Status).SingleAsync()));
        var pi = await fixture.SignedInAsync(AppFactory.PI);

        // By hand: approved only → Kangda's 6 coded passages; all but drafts → 6 + Baiotai's 4 = 10.
        var page = WebUtility.HtmlDecode(await pi.GetStringAsync("/Reports?source=Coded"));
        Assert.Contains("data-testid=\"total-mentions\">6<", page);
        Assert.Contains("interviews: approved (and locked) interviews only", page);
        var all = WebUtility.HtmlDecode(await pi.GetStringAsync("/Reports?source=Coded&interviews=NotDraft"));
        Assert.Contains("data-testid=\"total-mentions\">10<", all);
        Assert.Contains("interviews: all interviews except drafts", all);
        Assert.DoesNotContain(BaiotaiQuote, WebUtility.HtmlDecode(await pi.GetStringAsync("/Reports/Evidence?source=Coded")));
        Assert.Contains(BaiotaiQuote, WebUtility.HtmlDecode(await pi.GetStringAsync("/Reports/Evidence?source=Coded&interviews=NotDraft")));
        // Download links carry the filter.
        Assert.Contains("interviews=NotDraft", all[all.IndexOf("data-testid=\"download-workbook\"", StringComparison.Ordinal)..][..300]);

        var book = XlsxReader.Read(await pi.GetByteArrayAsync("/Reports/Download?handler=Workbook&source=Coded"));
        Assert.Equal(6, book["Passages"].Rows.Count - 1);
        Assert.Contains(book["README"].Cells, c => c.Text.Contains("interviews: approved (and locked) interviews only"));
        Assert.Equal(10, XlsxReader.Read(await pi.GetByteArrayAsync("/Reports/Download?handler=Workbook&source=Coded&interviews=NotDraft"))["Passages"].Rows.Count - 1);

        var csv = Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Reports/Download?handler=Csv&table=passages&source=Coded"));
        Assert.DoesNotContain(BaiotaiQuote, csv);
        Assert.Contains(BaiotaiQuote, Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Reports/Download?handler=Csv&table=passages&source=Coded&interviews=NotDraft")));
        Assert.Contains("approved (and locked) interviews only", Encoding.UTF8.GetString(await pi.GetByteArrayAsync("/Reports/Download?handler=Csv&table=readme")));

        using var pdf = PdfDocument.Open(await pi.GetByteArrayAsync("/Reports/Download?handler=Pdf&source=Coded&lang=en"));
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("interviews: approved (and locked) interviews only", text);
        Assert.Contains("Mentions counted 6", text);
        Assert.DoesNotContain("Yichuang Bioengineering in Yizhuang", text);
    }

    [Fact]
    public async Task Partner_kind_other_is_in_the_vocabulary_and_added_to_an_existing_study_once()
    {
        Assert.True(await fixture.WithAsync(db => db.Terms.AnyAsync(t => t.Kind == Core.Study.TermKind.PartnerKind && t.Code == "other" && t.NameZh == "其他（会议或协会）")));
        // An existing study without it (as before issue 18) gains it at the next start-up, exactly once.
        await fixture.WithAsync(async db => { db.Terms.Remove(await db.Terms.SingleAsync(t => t.Code == "other")); await db.SaveChangesAsync(); return 0; });
        await fixture.WithAsync(async db =>
        {
            await FieldSurvey.Web.Data.DatabaseStartup.InitialiseAsync(fixture.Services);
            await FieldSurvey.Web.Data.DatabaseStartup.InitialiseAsync(fixture.Services);
            return 0;
        });
        Assert.Equal(1, await fixture.WithAsync(db => db.Terms.CountAsync(t => t.Kind == Core.Study.TermKind.PartnerKind && t.Code == "other")));
    }
}
