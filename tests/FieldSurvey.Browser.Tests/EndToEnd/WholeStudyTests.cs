using System.Text;
using FieldSurvey.Tests.Browser.Coding;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace FieldSurvey.Tests.Browser.EndToEnd;

/// <summary>
/// The whole study on a fresh install, each person in their own browser context: the first PI sets up, imports
/// firms and assigns one; the interviewer calls, interviews and pastes the transcript; two coders code it
/// (partly differently); the PI adjudicates and downloads the report, which the test reads back.
/// </summary>
public sealed class WholeStudyTests(FreshBrowserFixture fixture) : IClassFixture<FreshBrowserFixture>
{
    const string Pi = "pi@whole.example.org", Interviewer = "wang@whole.example.org", CoderA = "coder-a@whole.example.org", CoderB = "coder-b@whole.example.org";
    const string Password = "Whole-Study-2026!";
    const string Firms = "企业名称,English name,园区\n亦庄康达生物科技有限公司,Yizhuang Kangda Biotech,YZ\n中关村启明医药有限公司,Zhongguancun Qiming Pharma,ZLS\n大兴天坛疫苗有限公司,Daxing Tiantan Vaccines,DX\n";
    const string Research = "我们和中关村的启明医药一起做抗体药物的早期研究";
    const string Labour = "Several of our production managers came from a vaccine maker in Daxing";
    static readonly string Transcript = string.Join("\n",
        "访谈员：贵公司和其他园区的企业有合作吗？",
        $"受访者：有的。{Research}，已经合作五年了。",
        "Interviewer: Where do your key staff come from?",
        $"Respondent: {Labour}; 大兴那边也在抢我们的技术工人。");

    async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("[data-testid=login-form] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        return page;
    }

    static async Task CreateAccountAsync(IPage page, string name, string email, string role)
    {
        await page.GotoAsync("/Admin/Users/Create");
        await page.FillAsync("#Input_DisplayName", name);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.CheckAsync($"#role-{role}");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/Admin/Users", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
    }

    static async Task CodeAsync(AnnotatorPage annotator, string text, string quote, params string[] keys)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        await annotator.SelectAsync(start, start + quote.Length);
        Assert.Equal(quote, await annotator.PanelQuoteAsync());
        await annotator.CodeWithKeysAsync(keys);
    }

    [Fact]
    public async Task A_study_runs_from_a_fresh_install_to_a_downloaded_report_that_carries_its_figures_and_Chinese_text()
    {
        var pi = await fixture.NewPageAsync();
        pi.SetDefaultTimeout(30_000);

        await BrowserFixture.Step(pi, "whole-setup", async () =>
        {
            await pi.GotoAsync("/Account/Setup");
            await pi.FillAsync("#Input_DisplayName", "Zhao PI 赵");
            await pi.FillAsync("#Input_Email", Pi);
            await pi.FillAsync("#Input_Password", Password);
            await pi.FillAsync("#Input_Confirm", Password);
            await pi.ClickAsync("main form button[type=submit]");
            await pi.WaitForURLAsync(url => url.EndsWith("/Admin", StringComparison.Ordinal));   // signed in as the new PI
            await CreateAccountAsync(pi, "Wang Interviewer 王", Interviewer, "Interviewer");
            await CreateAccountAsync(pi, "Coder A 李", CoderA, "Coder");
            await CreateAccountAsync(pi, "Coder B 陈", CoderB, "Coder");
        });

        await BrowserFixture.Step(pi, "whole-import", async () =>
        {
            await pi.GotoAsync("/Admin/Firms/Import");
            await pi.SetInputFilesAsync("[data-testid=upload-form] input[type=file]",
                new FilePayload { Name = "firms.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Firms) });
            await pi.ClickAsync("[data-testid=upload-form] button[type=submit]");
            await pi.Locator("[data-testid=mapping-form]").WaitForAsync();
            await pi.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Assertions.Expect(pi.Locator("[data-testid=preview-ok]")).ToContainTextAsync("3");
            await pi.ClickAsync("[data-testid=import-button]");
            await pi.WaitForURLAsync(url => url.Contains("/Firms"));
            await Assertions.Expect(pi.Locator("[data-testid=firm-table]")).ToContainTextAsync("亦庄康达生物科技有限公司");
        });
        var firmId = fixture.App.With(db => db.Firms.Single(f => f.NameZh == "亦庄康达生物科技有限公司").Id);

        await BrowserFixture.Step(pi, "whole-assign-firm", async () =>
        {
            await pi.GotoAsync($"/Firms/Details?id={firmId}");
            var form = pi.Locator("form[action*='handler=Assign']");
            await form.Locator("select[name=assignTo]").SelectOptionAsync(new SelectOptionValue { Label = "Wang Interviewer 王" });
            await form.Locator("button[type=submit]").ClickAsync();
            // The select shows Wang before the post as well as after it: wait for the answer to the post.
            await Assertions.Expect(pi.Locator("[data-testid=status-message]")).ToContainTextAsync("Assigned.");
            await Assertions.Expect(form.Locator("select[name=assignTo] option:checked")).ToHaveTextAsync("Wang Interviewer 王");
        });

        var interviewer = await SignInAsync(Interviewer);
        interviewer.Dialog += (_, dialog) => dialog.AcceptAsync();   // "Submit this interview for review?"
        await BrowserFixture.Step(interviewer, "whole-call", async () =>
        {
            await interviewer.GotoAsync("/Calls");
            await interviewer.ClickAsync($"[data-testid=log-{firmId}]");
            await interviewer.WaitForURLAsync(url => url.Contains($"/Calls/Log?firmId={firmId}"));
            await interviewer.SelectOptionAsync("#Input_Outcome", "1.1");
            await interviewer.ClickAsync("[data-testid=log-form] button[type=submit]");
            await interviewer.WaitForURLAsync(url => url.Contains($"/Interviews/Start?firmId={firmId}"));
        });

        var capture = new Interviews.CapturePage(interviewer);
        await BrowserFixture.Step(interviewer, "whole-interview", async () =>
        {
            await interviewer.ClickAsync("[data-testid=start-interview]");
            await interviewer.WaitForURLAsync(url => url.Contains("/Interviews/Capture"));
            await capture.RecordConsent("李强", "总经理");
            await capture.Type("A1", "2009");
            await capture.Type("A2", "120");
            await capture.Choose("A4", "private");
            await capture.Choose("A5", "biopharma");
            await capture.Choose("A6", "rd");
            await capture.Type("A7", "靠近北京大学和几家三甲医院，also close to our customers.");
            await capture.Choose("G1", "no");
            await capture.WaitSaved();
        });
        var interviewId = fixture.App.With(db => db.Interviews.Single(i => i.FirmId == firmId).Id);

        await BrowserFixture.Step(interviewer, "whole-transcript", async () =>
        {
            await interviewer.GotoAsync($"/Interviews/Transcript?id={interviewId}");
            await interviewer.FillAsync("#Input_Text", Transcript);
            await interviewer.SelectOptionAsync("#Input_Language", "zh+en");
            await interviewer.ClickAsync("[data-testid=save-transcript]");
            await Assertions.Expect(interviewer.Locator("[data-testid=transcript]")).ToContainTextAsync(Research);
        });

        await BrowserFixture.Step(interviewer, "whole-submit", async () =>
        {
            await interviewer.GotoAsync($"/Interviews/Capture?id={interviewId}");
            await interviewer.ClickAsync("[data-testid=submit-interview]");
            await Assertions.Expect(interviewer.Locator("[data-testid=status-message]")).ToContainTextAsync("Submitted for review.");
        });
        await interviewer.Context.CloseAsync();
        // The PI reviews and approves it: by default the report counts approved interviews only (issue 18).
        await BrowserFixture.Step(pi, "whole-approve", async () =>
        {
            await pi.GotoAsync($"/Interviews/Review?id={interviewId}");
            await pi.ClickAsync("[data-testid=approve]");
            await Assertions.Expect(pi.Locator("[data-testid=status-message]")).ToContainTextAsync("The interview is now Approved.");
        });
        var (transcriptId, text) = fixture.App.With(db => db.Transcripts.Where(t => t.InterviewId == interviewId)
            .Select(t => new { t.Id, t.Text }).AsEnumerable().Select(t => (t.Id, t.Text)).Single());

        await BrowserFixture.Step(pi, "whole-coding-assignments", async () =>
        {
            foreach (var coder in new[] { "Coder A 李", "Coder B 陈" })
            {
                await pi.GotoAsync("/Admin/CodingAssignments");
                var row = pi.Locator("[data-testid=assignments] tbody tr", new() { HasText = "Yizhuang Kangda Biotech" });
                await row.Locator("select[name=coderId]").SelectOptionAsync(new SelectOptionValue { Label = coder });
                await row.Locator("form[action*='handler=Assign'] button").ClickAsync();
                await Assertions.Expect(pi.Locator("[data-testid=status-message]")).ToContainTextAsync("Assigned.");
            }
            await Assertions.Expect(pi.Locator("[data-testid=assignments] tbody tr", new() { HasText = "Yizhuang Kangda Biotech" }))
                .ToContainTextAsync("Coder B 陈");
        });

        // Both code the research passage alike; they disagree on the nature of the labour-market one.
        foreach (var (email, nature) in new[] { (CoderA, "+"), (CoderB, "-") })
        {
            var coder = await SignInAsync(email);
            var annotator = new AnnotatorPage(coder);
            await BrowserFixture.Step(coder, $"whole-code-{email[..7]}", async () =>
            {
                await annotator.OpenAsync(transcriptId);
                await CodeAsync(annotator, text, Research, "r", "1", "f", "+");      // research · ZLS · firm · collaborative
                await CodeAsync(annotator, text, Labour, "l", "3", "f", nature);     // labour · Daxing · firm · ±
                await coder.ClickAsync("[data-testid=toggle-complete]");
                // Once both codings are finished they are revealed, and the line says who may reopen them (issue 17, item 2).
                await Assertions.Expect(coder.Locator("[data-testid=completion]")).ToContainTextAsync("Coding complete");
            });
            await coder.Context.CloseAsync();
        }
        Assert.Equal(4, fixture.App.With(db => db.Segments.Count(s => s.TranscriptId == transcriptId && !s.IsConsensus && s.DeletedAtUtc == null)));

        await BrowserFixture.Step(pi, "whole-adjudicate", async () =>
        {
            await pi.GotoAsync("/Agreement");
            await Assertions.Expect(pi.Locator("[data-testid=agreement-table-0]")).ToBeVisibleAsync();
            await pi.ClickAsync($"[data-testid=adjudicate-{transcriptId}]");
            await Assertions.Expect(pi.Locator("[data-testid=progress]")).ToHaveTextAsync("0 of 2 units decided");
            await pi.ClickAsync("[data-testid=accept-agreed]");
            await Assertions.Expect(pi.Locator("[data-testid=progress]")).ToHaveTextAsync("1 of 2 units decided");
            var unit = pi.Locator("[data-decided=false]").First;
            if (await unit.Locator("details").GetAttributeAsync("open") is null) await unit.Locator("summary").ClickAsync();
            await unit.Locator("input[name='Input.Kind'][value=AcceptA]").CheckAsync();
            await unit.Locator("input[name='Input.Note']").FillAsync("招聘来自大兴，算合作");
            await unit.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(pi.Locator("[data-testid=progress]")).ToHaveTextAsync("2 of 2 units decided");
            await Assertions.Expect(pi.Locator("[data-testid=consensus-complete]")).ToBeVisibleAsync();
        });

        byte[] workbook = [], pdf = [];
        await BrowserFixture.Step(pi, "whole-report", async () =>
        {
            await pi.GotoAsync("/Reports");
            // Two consensus mentions: research with ZLS (cross-cluster) and labour with Daxing.
            await Assertions.Expect(pi.Locator("[data-testid=total-mentions]")).ToHaveTextAsync("2");
            workbook = await DownloadAsync(pi, "[data-testid=download-workbook]");
            pdf = await DownloadAsync(pi, "[data-testid=download-pdf]");
        });

        Assert.Empty(XlsxReader.Validate(workbook));
        var book = XlsxReader.Read(workbook);
        var total = book["Matrix total"];
        var yz = total.Rows.First(r => r.GetValueOrDefault(0)?.Text == "YZ");
        Assert.Equal(1, (int)yz[total.Column("ZLS mentions")].Number);
        Assert.Equal(1, (int)yz[total.Column("DX mentions")].Number);
        Assert.Contains(book["Passages"].Cells, c => c.Text == Research);
        Assert.Contains(book["Passages"].Cells, c => c.Text.Contains("亦庄康达生物科技有限公司"));

        using var document = PdfDocument.Open(pdf);
        var words = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Mentions counted 2", words);
        Assert.Contains(Research, words.Replace(" ", ""));
        Assert.Contains("北京经济技术开发区（亦庄）", words.Replace(" ", ""));
    }

    static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        Assert.Null(await download.FailureAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }
}
