using System.Globalization;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Pages.Agreement;

namespace FieldSurvey.Tests.Reports;

/// <summary>The report workbook carries the coders' agreement, with the same figures as the agreement page's Core.</summary>
public sealed class ReportAgreementTests(ReportAgreementTests.Fixture fixture) : IClassFixture<ReportAgreementTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task The_workbook_has_the_agreement_tables_with_the_alpha_of_each_dimension()
    {
        var summary = await fixture.WithAsync(async db =>
        {
            var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
            return AgreementTables.Summarise(units, await db.CodebookAsync(), basis: AgreementBasis.Coding);
        });
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var book = XlsxReader.Read(await client.GetByteArrayAsync("/Reports/Download?handler=Workbook"));

        var sheet = book["Agreement 1"];
        var alphaColumn = sheet.Rows[0].First(c => c.Value.Text.Contains("alpha", StringComparison.OrdinalIgnoreCase)).Key;
        var typeRow = sheet.Rows.Skip(1).First(r => r.Values.Any(c => c.Text == "Linkage type"));
        var expected = summary.ByDimension.First(r => r.Dimension == FieldSurvey.Core.Study.TermKind.LinkageType).Figures.Alpha;
        Assert.Equal(Math.Round(expected, 3), Math.Round(double.Parse(typeRow[alphaColumn].Text, CultureInfo.InvariantCulture), 3));
    }

    [Fact]
    public async Task The_workbook_shows_the_replicates_used_q_brennan_prediger_and_ac1()
    {
        var summary = await fixture.WithAsync(async db =>
        {
            var units = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
            return AgreementTables.Summarise(units, await db.CodebookAsync(), basis: AgreementBasis.Coding);
        });
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var book = XlsxReader.Read(await client.GetByteArrayAsync("/Reports/Download?handler=Workbook"));

        var sheet = book["Agreement 1"];
        int Column(string header) => sheet.Rows[0].Single(c => c.Value.Text == header).Key;
        var typeRow = sheet.Rows.Skip(1).First(r => r.Values.Any(c => c.Text == "Linkage type"));
        var figures = summary.ByDimension.First(r => r.Dimension == FieldSurvey.Core.Study.TermKind.LinkageType).Figures;
        double Number(string header) => double.Parse(typeRow[Column(header)].Text, CultureInfo.InvariantCulture);
        Assert.Equal(figures.Distribution.Replicates, (int)Number("Replicates"));
        Assert.True(figures.Distribution.Replicates > 0);
        Assert.Equal(Math.Round(figures.Distribution.Q(0.800), 3), Number("q (alpha < 0.800)"), 3);
        Assert.Equal(Math.Round(figures.BrennanPrediger, 3), Number("Brennan–Prediger kappa"), 3);
        Assert.Equal(Math.Round(figures.GwetAc1, 3), Number("Gwet's AC1"), 3);
        Assert.Contains(book.Values, s => s.Rows.Count > 0 && s.Rows[0].Values.Any(c => c.Text == "Found by both"));
    }

    [Fact]
    public async Task The_workbooks_agreement_sheets_hold_real_numbers_formatted_by_their_column_kind()
    {
        var client = await fixture.SignedInAsync(AppFactory.PI);
        var sheet = XlsxReader.Read(await client.GetByteArrayAsync("/Reports/Download?handler=Workbook"))["Agreement 1"];
        var typeRow = sheet.Rows.Skip(1).First(r => r.Values.Any(c => c.Text == "Linkage type"));
        // Index columns carry the shared 0.000 code; counts the built-in integer format (id 1, "0"); words none.
        Assert.Equal(FieldSurvey.Core.Exports.ColumnFormats.Index, typeRow[sheet.Column("Krippendorff's alpha")].Format);
        Assert.Equal(FieldSurvey.Core.Exports.ColumnFormats.Index, typeRow[sheet.Column("Percent agreement")].Format);
        Assert.Equal("1", typeRow[sheet.Column("Units")].Format);
        Assert.Null(typeRow[sheet.Column("Verdict")].Format);
    }
}
