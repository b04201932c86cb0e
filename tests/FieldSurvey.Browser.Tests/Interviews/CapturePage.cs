using Microsoft.Playwright;

namespace FieldSurvey.Tests.Browser.Interviews;

/// <summary>The interview capture page, as a test drives it.</summary>
public sealed class CapturePage(IPage page)
{
    public IPage Page => page;
    public ILocator Question(string id) => page.Locator($"#q-{id}");
    public ILocator Problems(string id) => page.Locator($"[data-testid=problems-{id}]");

    public Task Type(string id, string text) => Question(id).Locator("[data-input]").FillAsync(text);
    public Task Choose(string id, string code) => Question(id).Locator($"input[value='{code}']").CheckAsync();
    public Task Part(string id, string part, string value) => Question(id).Locator($"[data-part='{part}']").FillAsync(value);

    public async Task RecordConsent(string name, string title)
    {
        await page.CheckAsync("#Input_ConsentGiven");
        await page.FillAsync("#Input_RespondentName", name);
        await page.FillAsync("#Input_RespondentTitle", title);
        await page.ClickAsync("[data-testid=record-consent]");
        await WaitReadyAsync();
    }

    /// <summary>Waits until capture.js has bound its listeners: an answer typed before that is never autosaved.</summary>
    public Task WaitReadyAsync() => page.WaitForSelectorAsync("[data-capture][data-ready=true]");

    public async Task AddPartner(string question, string name, int kindId, int locationId, string since, string activity)
    {
        await page.ClickAsync($"[data-testid=add-partner-{question}]");
        var row = Question(question).Locator("[data-row]").Last;
        await row.Locator("[data-field=partnerName]").FillAsync(name);
        await row.Locator("[data-field=partnerKindId]").SelectOptionAsync(kindId.ToString());
        await row.Locator("[data-field=partnerLocationId]").SelectOptionAsync(locationId.ToString());
        await row.Locator("[data-field=sinceYear]").FillAsync(since);
        await row.Locator("[data-field=activity]").FillAsync(activity);
    }

    public Task WaitSaved() => Assertions.Expect(page.Locator("[data-save-state]")).ToHaveAttributeAsync("data-state", "saved");
}
