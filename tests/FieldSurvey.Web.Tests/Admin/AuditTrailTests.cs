using System.Net;
using FieldSurvey.Tests.Infrastructure;

namespace FieldSurvey.Tests.Admin;

public sealed class AuditTrailTests(AuditTrailTests.Fixture fixture) : IClassFixture<AuditTrailTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Renaming_a_park_is_audited_with_who_before_and_after()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var park = fixture.With(db => db.Parks.Single(p => p.Code == "DX"));
        var response = await pi.PostFormAsync("/Admin/Parks?handler=Save", new()
        {
            ["Input.Id"] = park.Id.ToString(), ["Input.Version"] = park.Version.ToString(),
            ["Input.Code"] = "DX", ["Input.NameEn"] = "Daxing Park", ["Input.NameZh"] = "大兴生物医药基地",
        }, formPage: "/Admin/Parks");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = fixture.With(db => db.AuditEntries.Where(a => a.Entity == "Park" && a.EntityId == park.Id.ToString() && a.Action == "Modified")
            .OrderByDescending(a => a.Id).First());
        Assert.Equal(AppFactory.PI, entry.UserName);
        Assert.Contains(park.NameZh, entry.Before);
        Assert.Contains("大兴生物医药基地", entry.After);

        var page = await pi.GetStringAsync("/Admin/Audit?Entity=Park");
        Assert.Contains("Park #" + park.Id, page);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_newer_value_kept()
    {
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        var term = fixture.With(db => db.Terms.First(t => t.Code == "investor"));
        Dictionary<string, string> Edit(string name) => new()
        {
            ["Input.Id"] = term.Id.ToString(), ["Input.Version"] = term.Version.ToString(), ["Input.Code"] = "investor",
            ["Input.NameEn"] = name, ["Input.NameZh"] = "投资机构",
        };
        var first = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=PartnerKind", Edit("Investor (VC/PE)"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await pi.PostFormAsync("/Admin/Vocabulary/Edit?kind=PartnerKind", Edit("Investor, stale"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this entry", await second.Content.ReadAsStringAsync());
        Assert.Equal("Investor (VC/PE)", fixture.With(db => db.Terms.Single(t => t.Id == term.Id).NameEn));
    }
}
