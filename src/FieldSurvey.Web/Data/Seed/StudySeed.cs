using System.Text.Json;
using FieldSurvey.Core.Coding;
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

    /// <summary>Terms added to the default vocabulary after databases already existed: (kind, file, code).</summary>
    static readonly (TermKind Kind, string File, string Code)[] AddedLater =
    [
        // Issue 18: the interviews name conferences and associations, which fit no other partner kind.
        (TermKind.PartnerKind, "vocabulary/partner-kinds.csv", "other"),
    ];

    public static async Task LoadAsync(FieldSurveyDbContext db, SeedFiles files, DateTimeOffset now)
    {
        if (await db.Parks.AnyAsync()) { await AddLaterTermsAsync(db, files); return; }

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

        // Seed files are edited by hand before a study starts: a clash would silently lose a code or a key.
        var clashes = VocabularyRules.CheckAll(db.Terms.Local.Select(t => new VocabularyEntry(0, t.Kind, t.Code, t.Shortcut, true)).ToList()).ToList();
        if (clashes.Count > 0)
            throw new InvalidOperationException("The seed vocabulary breaks its rules: " + string.Join("; ",
                clashes.Select(c => $"{c.Entry.Kind} \"{c.Entry.Code}\": {(c.Problem.Field == VocabularyField.Code ? c.Problem.Code : $"{c.Problem.Code} ({c.Entry.Shortcut})")}")));

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

    /// <summary>
    /// Gives an existing study the terms added to the seed since it was created, once: a term whose code the study
    /// already has (even retired or merged, so a PI's removal stands) is left alone. A start-up step rather than a
    /// migration, because the term's names live in the seed files and the study's vocabulary is data, not schema.
    /// </summary>
    static async Task AddLaterTermsAsync(FieldSurveyDbContext db, SeedFiles files)
    {
        var added = false;
        foreach (var (kind, file, code) in AddedLater)
        {
            if (!files.Exists(file) || await db.Terms.AnyAsync(t => t.Kind == kind && t.Code == code)) continue;
            if (files.Csv(file).FirstOrDefault(r => r["code"] == code) is not { } r) continue;
            var order = await db.Terms.Where(t => t.Kind == kind).MaxAsync(t => (int?)t.SortOrder) ?? 0;
            var shortcut = r.Opt("shortcut");
            // A key the PI has since given another entry stays theirs: the new term comes without one.
            var existing = (await db.Terms.AsNoTracking().ToListAsync()).Select(VocabularyEntry.Of).ToList();
            if (VocabularyRules.Check(new VocabularyEntry(0, kind, code, shortcut, true), existing).Any(p => p.Field == VocabularyField.Shortcut)) shortcut = null;
            db.Terms.Add(new Term
            {
                Kind = kind, Code = code, NameEn = r["name_en"], NameZh = r["name_zh"], SortOrder = order + 1, Shortcut = shortcut,
                DefinitionEn = r.Opt("definition_en"), DefinitionZh = r.Opt("definition_zh"),
                Inclusion = r.Opt("inclusion"), Exclusion = r.Opt("exclusion"), Example = r.Opt("example"),
            });
            added = true;
        }
        if (added)
        {
            db.AuditReason = "Default vocabulary gained terms (partner kind \"other\")";
            await db.SaveChangesAsync();
        }
    }
}
