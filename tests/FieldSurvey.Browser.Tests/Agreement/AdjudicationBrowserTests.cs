using FieldSurvey.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Agreement;

/// <summary>The agreement and adjudication pages as the PI uses them, page objects included.</summary>
public sealed class AdjudicationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    sealed class AgreementPage(IPage page)
    {
        public Task OpenAsync() => page.GotoAsync("/Agreement");
        public ILocator Table(int index) => page.Locator($"[data-testid=agreement-table-{index}]");
        public Task AdjudicateFirstAsync() => page.Locator("[data-testid^=adjudicate-]").First.ClickAsync();
    }

    sealed class AdjudicatePage(IPage page)
    {
        public ILocator Progress => page.Locator("[data-testid=progress]");
        public ILocator Complete => page.Locator("[data-testid=consensus-complete]");
        public ILocator Undecided => page.Locator("[data-decided=false]");
        public Task AcceptAgreedAsync() => page.ClickAsync("[data-testid=accept-agreed]");

        public async Task DecideFirstUndecidedAsync(string? kind, string note)
        {
            var unit = Undecided.First;
            var details = unit.Locator("details");
            if (await details.GetAttributeAsync("open") is null) await unit.Locator("summary").ClickAsync();
            if (kind is not null) await unit.Locator($"input[name='Input.Kind'][value={kind}]").CheckAsync();
            await unit.Locator("input[name='Input.Note']").FillAsync(note);
            await unit.Locator("button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();
        }
    }

    [Fact]
    public async Task The_PI_reads_agreement_for_the_demo_transcript_and_settles_it_into_a_consensus()
    {
        var page = await fixture.SignedInPageAsync(AppFactory.PI);
        var agreement = new AgreementPage(page);
        await BrowserFixture.Step(page, "agreement-figures", async () =>
        {
            await agreement.OpenAsync();
            await Assertions.Expect(agreement.Table(0)).ToContainTextAsync("Linkage type");
            await Assertions.Expect(agreement.Table(0)).ToContainTextAsync("unreliable");
            await Assertions.Expect(page.Locator("h2", new() { HasText = "Confusion matrix: Linkage type" })).ToBeVisibleAsync();
            await Assertions.Expect(agreement.Table(4)).ToContainTextAsync("(not coded)");
            await Assertions.Expect(page.Locator("[data-testid=matching-rule]")).ToContainTextAsync("at least 50%");
        });

        var adjudicate = new AdjudicatePage(page);
        await BrowserFixture.Step(page, "adjudicate-agreements", async () =>
        {
            await agreement.AdjudicateFirstAsync();
            await Assertions.Expect(adjudicate.Progress).ToHaveTextAsync("0 of 7 units decided");
            await adjudicate.AcceptAgreedAsync();
            await Assertions.Expect(adjudicate.Progress).ToHaveTextAsync("3 of 7 units decided");
        });

        await BrowserFixture.Step(page, "adjudicate-disagreements", async () =>
        {
            await adjudicate.DecideFirstUndecidedAsync("AcceptB", "挖人算竞争");
            await Assertions.Expect(adjudicate.Progress).ToHaveTextAsync("4 of 7 units decided");
            await adjudicate.DecideFirstUndecidedAsync(null, "coder 1 only, kept");
            await adjudicate.DecideFirstUndecidedAsync("Merge", "type from A");
            await adjudicate.DecideFirstUndecidedAsync("Reject", "no linkage here");
            await Assertions.Expect(adjudicate.Progress).ToHaveTextAsync("7 of 7 units decided");
            await Assertions.Expect(adjudicate.Complete).ToBeVisibleAsync();
        });

        var (consensus, originals) = fixture.App.With(db => (
            db.Segments.AsNoTracking().Count(s => s.IsConsensus && s.CoderId == null && s.DeletedAtUtc == null),
            db.Segments.AsNoTracking().Count(s => !s.IsConsensus)));
        Assert.Equal(6, consensus);
        Assert.Equal(16, originals);
    }
}
