using System.Text.Json;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data.Seed;

/// <summary>
/// Loads the default study (parks, vocabularies with their codebook notes, the interview guide) into an
/// empty database. Runs in every environment: a fresh install starts with the study of domain.md, which
/// the PI then edits in the app. Never touches a database that already has parks.
/// </summary>
public static class StudySeed
{
    static readonly (TermKind Kind, string File)[] Vocabularies =
    [
        (TermKind.LinkageType, "vocabulary/linkage-types.csv"),
        (TermKind.PartnerLocation, "vocabulary/partner-locations.csv"),
        (TermKind.PartnerKind, "vocabulary/partner-kinds.csv"),
        (TermKind.Nature, "vocabulary/natures.csv"),
        (TermKind.ValueChainActivity, "vocabulary/value-chain-activities.csv"),
        (TermKind.Subsector, "vocabulary/subsectors.csv"),
    ];

    public static async Task LoadAsync(FieldSurveyDbContext db, SeedFiles files, DateTimeOffset now)
    {
        if (await db.Parks.AnyAsync()) return;

        var parks = files.Csv("parks.csv").Select((r, i) => new Park
        {
            Code = r["code"], NameEn = r["name_en"], NameZh = r["name_zh"], SortOrder = i + 1,
        }).ToList();
        db.Parks.AddRange(parks);
        await db.SaveChangesAsync();

        foreach (var (kind, file) in Vocabularies)
        {
            if (!files.Exists(file)) continue;
            var order = 0;
            foreach (var r in files.Csv(file))
                db.Terms.Add(new Term
                {
                    Kind = kind, Code = r["code"], NameEn = r["name_en"], NameZh = r["name_zh"], SortOrder = ++order,
                    Shortcut = r.Opt("shortcut"),
                    DefinitionEn = r.Opt("definition_en"), DefinitionZh = r.Opt("definition_zh"),
                    Inclusion = r.Opt("inclusion"), Exclusion = r.Opt("exclusion"), Example = r.Opt("example"),
                    Level = r.Opt("level") is { } level ? Enum.Parse<LocationLevel>(level) : null,
                    ParkId = r.Opt("park") is { } park ? parks.Single(p => p.Code == park).Id : null,
                });
        }

        if (files.Exists("guide.json"))
        {
            var json = files.Text("guide.json");
            using var doc = JsonDocument.Parse(json);
            db.GuideVersions.Add(new GuideVersion
            {
                Number = 1, DefinitionJson = json, PublishedAt = now,
                TitleEn = doc.RootElement.GetProperty("titleEn").GetString()!,
                TitleZh = doc.RootElement.GetProperty("titleZh").GetString()!,
            });
        }

        if (!await db.StudySettings.AnyAsync()) db.StudySettings.Add(new StudySettings());
        await db.SaveChangesAsync();
    }
}
