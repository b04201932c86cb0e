using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Study;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Agreement;

namespace FieldSurvey.Tests.Agreement;

/// <summary>The data package's agreement.csv carries the same figures as the agreement page's default view.</summary>
public sealed class AgreementPackageTests(AgreementPackageTests.Fixture fixture) : IClassFixture<AgreementPackageTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Agreement_csv_gives_the_replicates_used_q_brennan_prediger_ac1_and_passages_found()
    {
        var summary = await fixture.WithAsync(async db =>
        {
            var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
            return AgreementTables.Summarise(units, await db.CodebookAsync(), basis: AgreementBasis.Coding);
        });
        var pi = await fixture.SignedInAsync(AppFactory.PI);
        using var zip = new ZipArchive(new MemoryStream(await pi.GetByteArrayAsync("/Admin/Exchange?handler=Package")));
        using var reader = new StreamReader(zip.GetEntry("agreement.csv")!.Open());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        var type = rows.Single(r => (string)r["dimension"] == nameof(TermKind.LinkageType));
        var figures = summary.ByDimension.Single(r => r.Dimension == TermKind.LinkageType).Figures;
        string Text(double x) => Math.Round(x, 4).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(figures.Distribution.Replicates.ToString(CultureInfo.InvariantCulture), type["replicates"]);
        Assert.Equal(figures.Distribution.Undefined.ToString(CultureInfo.InvariantCulture), type["undefined_replicates"]);
        Assert.Equal(Text(figures.Distribution.Q(0.800)), type["q_below_0_800"]);
        Assert.Equal(Text(figures.BrennanPrediger), type["brennan_prediger_kappa"]);
        Assert.Equal(Text(figures.GwetAc1), type["gwet_ac1"]);
        Assert.Equal("0", type["cluster_replicates"]);
        Assert.Equal(summary.Unitizing[0].Units.ToString(CultureInfo.InvariantCulture), type["passages_found"]);
        Assert.Equal(figures.Units.ToString(CultureInfo.InvariantCulture), type["units"]);
    }
}
