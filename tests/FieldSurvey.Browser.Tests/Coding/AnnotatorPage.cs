using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Coding;

/// <summary>Page object of /Coding/Annotate: selects text by UTF-16 offsets with a DOM Range over the runs, codes it by keyboard.</summary>
public sealed class AnnotatorPage(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(int transcriptId)
    {
        await page.GotoAsync($"/Coding/Annotate?transcriptId={transcriptId}");
        await page.WaitForSelectorAsync("[data-annotator][data-ready=true]");
    }

    /// <summary>Selects [start, end) of the stored text, as a mouse selection would, and waits for the coding panel.</summary>
    public async Task SelectAsync(int start, int end)
    {
        await page.EvaluateAsync(@"([start, end]) => {
            const runs = [...document.querySelectorAll('[data-transcript] [data-start]')];
            const find = (offset, isEnd) => {
                const run = runs.find(r => { const s = Number(r.dataset.start), e = s + r.firstChild.data.length;
                                             return isEnd ? s < offset && offset <= e : s <= offset && offset < e; });
                return [run.firstChild, offset - Number(run.dataset.start)];
            };
            const range = document.createRange();
            range.setStart(...find(start, false));
            range.setEnd(...find(end, true));
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }", new[] { start, end });
        await page.Locator("[data-testid=coding-panel]").WaitForAsync();
    }

    public Task<string> PanelQuoteAsync() => page.Locator("[data-testid=panel-quote]").InnerTextAsync();

    /// <summary>Presses the codes' shortcut keys, then Enter, and waits for the save to land in the list.</summary>
    public async Task CodeWithKeysAsync(params string[] keys)
    {
        var before = await page.Locator("[data-testid=segment-list] li").CountAsync();
        foreach (var key in keys) await page.Keyboard.PressAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=segment-list] li")).ToHaveCountAsync(before + 1);
    }

    /// <summary>
    /// Submits a calibration test (accepting its confirm) and waits for its results page. The wait is for the URL
    /// only, with a minute's allowance: in the full suite two test assemblies share two cores, and waiting for the
    /// load event of the redirect once took longer than 30 s there. On a timeout it says where the page stayed.
    /// </summary>
    public async Task SubmitCalibrationAsync(int testId)
    {
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("[data-testid=calibration-submit]").ClickAsync();
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Coding/Calibration/Results/{testId}$"),
                new() { Timeout = 60_000 });
        }
        catch (PlaywrightException)
        {
            Console.WriteLine($"After submitting, the page stayed at {page.Url}: {await page.InnerTextAsync("main")}");
            throw;
        }
    }

    /// <summary>The text of every run highlighted for <paramref name="segmentId"/>, in order.</summary>
    public Task<string> HighlightedTextAsync(int segmentId) => page.EvaluateAsync<string>(@"id =>
        [...document.querySelectorAll('[data-transcript] [data-segs]')]
            .filter(r => r.dataset.segs.split(' ').includes(String(id)))
            .map(r => r.textContent).join('')", segmentId);
}
