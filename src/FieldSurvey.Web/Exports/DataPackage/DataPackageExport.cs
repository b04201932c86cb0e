using FieldSurvey.Core.Agreement;
using FieldSurvey.Web.Pages.Agreement;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;
using static FieldSurvey.Web.Exports.DataPackage.ColumnType;

namespace FieldSurvey.Web.Exports.DataPackage;

/// <summary>
/// The analysis-ready data package: one CSV per table, codebook.csv (every column), codes.csv (every code,
/// English and Chinese), README.md and ready-to-run R and Stata readers. People appear as stable
/// pseudonyms (I03 interviewer, C04 coder; see <see cref="Pseudonyms"/>), firms as F0012 (their id);
/// names, contacts, respondents, dialled numbers and call notes only when <c>personalData</c> is asked for.
/// </summary>
public static class DataPackageExport
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="escapeFormulas">
    /// True (the default) for files people open in a spreadsheet: text that a spreadsheet would run as a
    /// formula gets a leading apostrophe (<see cref="Core.Exports.SpreadsheetText"/>). False only when the PI
    /// chooses the exact text for R or Stata, which never evaluate cells.
    /// </param>
    public static async Task<(byte[] Zip, IReadOnlyList<PackageTable> Tables)> BuildAsync(FieldSurveyDbContext db, bool personalData, DateTimeOffset now,
        bool escapeFormulas = true)
    {
        var names = await Pseudonyms.LoadAsync(db);
        var terms = await db.Terms.AsNoTracking().ToListAsync();
        var byId = terms.ToDictionary(t => t.Id);
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync();
        var codes = new List<CodeLabel>();
        codes.AddRange(parks.Select(p => new CodeLabel("park", p.Code, p.NameEn, p.NameZh)));
        foreach (var kind in Enum.GetValues<TermKind>())
            codes.AddRange(terms.Where(t => t.Kind == kind).OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal)
                .Select(t => new CodeLabel(kind.ToString(), t.Code, t.NameEn, t.NameZh)));
        codes.AddRange(Enum.GetNames<Core.Firms.FirmStatus>().Select(n => new CodeLabel("firm_status", n, n, n)));
        codes.AddRange(Enum.GetNames<InterviewStatus>().Select(n => new CodeLabel("interview_status", n, n, n)));
        codes.AddRange(Enum.GetNames<BlankReason>().Select(n => new CodeLabel("blank_reason", n, n, n)));
        codes.AddRange(Enum.GetNames<Scope>().Select(n => new CodeLabel("scope", n, n, n)));
        codes.AddRange(Enum.GetNames<AnchorState>().Select(n => new CodeLabel("anchor", n, n, n)));
        string? Code(int? id) => id is { } i && byId.TryGetValue(i, out var t) ? t.Code : null;
        string Person(string? id, char prefix) => personalData ? names.RealName(id) : names.Of(id, prefix);
        static string Firm(int id) => Pseudonyms.Firm(id);
        static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv);
        static string? Num(decimal? n) => n?.ToString(Inv);

        // firms
        var firms = new PackageTable("firms.csv", "The sampling frame: one row per firm. No contacts.");
        firms.Add("firm_id", Text, "Firm pseudonym: F and the firm's record number; stable across exports.");
        firms.Add("park", Factor, "Study park of the firm.", "park");
        firms.Add("subsector", Text, "Main subsector as recorded in the frame (a Subsector code where one was chosen).");
        firms.Add("founded_year", Integer, "Year founded, from the frame.");
        firms.Add("size_band", Text, "Size band, from the frame.");
        firms.Add("status", Factor, "Active, or retired from the frame.", "firm_status");
        if (personalData)
        {
            firms.Add("name_zh", Text, "Firm name (Chinese). Only with personal data.");
            firms.Add("name_en", Text, "Firm name (English). Only with personal data.");
        }
        foreach (var f in await db.Firms.AsNoTracking().Include(f => f.Park).OrderBy(f => f.Id).ToListAsync())
            firms.Rows.Add([Firm(f.Id), f.Park?.Code, f.Subsector, f.FoundedYear?.ToString(Inv), f.SizeBand, f.Status.ToString(),
                .. personalData ? new[] { f.NameZh, f.NameEn } : []]);

        // calls
        var calls = new PackageTable("calls.csv", "Call attempts: one row per attempt.");
        calls.Add("call_id", Integer, "Record number of the attempt.");
        calls.Add("firm_id", Text, "Firm pseudonym (firms.csv).");
        calls.Add("interviewer", Text, personalData ? "Interviewer's name." : "Interviewer pseudonym (I and the account's stable number).");
        calls.Add("at_utc", UtcTime, "When the call was made, UTC (yyyy-mm-dd hh:mm:ss).");
        calls.Add("disposition", Text, "AAPOR disposition code, e.g. 1.1 complete, 2.111 refusal.");
        calls.Add("callback_at_utc", UtcTime, "Callback booked during the call, UTC.");
        if (personalData)
        {
            calls.Add("number_dialled", Text, "Number dialled. Only with personal data.");
            calls.Add("note", Text, "Interviewer's note. Only with personal data (notes name people).");
        }
        foreach (var c in await db.CallAttempts.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            calls.Rows.Add([c.Id.ToString(Inv), Firm(c.FirmId), Person(c.InterviewerId, 'I'), Time(c.AtUtc), c.Disposition, Time(c.CallbackAtUtc),
                .. personalData ? new[] { c.NumberDialled, c.Note } : []]);

        // interviews, wide
        var guides = await db.GuideVersions.AsNoTracking().OrderBy(g => g.Number).ToListAsync();
        var interviews = await db.Interviews.AsNoTracking().Include(i => i.Answers).OrderBy(i => i.Id).ToListAsync();
        var used = interviews.Select(i => i.GuideVersionId).ToHashSet();
        var questions = guides.Where(g => used.Contains(g.Id))
            .Select(g => GuideParser.Parse(g.DefinitionJson).Guide).Where(g => g is not null)
            .SelectMany(g => g!.Questions).Where(q => q.Kind != QuestionType.Partners).DistinctBy(q => q.Id).ToList();
        var wide = new PackageTable("interviews.csv", "Interviews in wide form: one row per interview, answers in columns named by question id.");
        wide.Add("interview_id", Integer, "Record number of the interview.");
        wide.Add("firm_id", Text, "Firm pseudonym (firms.csv).");
        wide.Add("interviewer", Text, personalData ? "Interviewer's name." : "Interviewer pseudonym.");
        wide.Add("guide_version", Integer, "Number of the interview-guide version used.");
        wide.Add("interview_date", Date, "Date of the interview (Beijing date).");
        wide.Add("status", Factor, "Review status.", "interview_status");
        wide.Add("consent", Integer, "1 = the respondent gave consent, 0 = not recorded.");
        if (personalData)
        {
            wide.Add("respondent_name", Text, "Respondent's name. Only with personal data.");
            wide.Add("respondent_title", Text, "Respondent's position. Only with personal data.");
        }
        var cells = new List<(GuideQuestion Q, string Column, Func<Answer?, string?> Value)>();
        foreach (var q in questions)
        {
            var text = $"{q.Id}: {q.TextEn} / {q.TextZh}";
            switch (q.Kind)
            {
                case QuestionType.Split:
                    var parts = q.Options?.Select(o => o.Code).ToList()
                        ?? terms.Where(t => t.Kind.ToString() == q.PartsFrom).OrderBy(t => t.SortOrder).Select(t => t.Code).ToList();
                    foreach (var part in parts)
                    {
                        var p = part;
                        cells.Add((q, wide.Add($"{q.Id}_{p}", Number, $"{text} Share (%) for part {p}."),
                            a => AnswerFormat.Split(a?.Value) is { } split && split.TryGetValue(p, out var n) ? Num(n) : null));
                    }
                    break;
                case QuestionType.Single:
                    var variable = q.OptionsFrom ?? q.Id;
                    if (q.OptionsFrom is null) codes.AddRange((q.Options ?? []).Select(o => new CodeLabel(q.Id, o.Code, o.En, o.Zh)));
                    if (q.Other) codes.Add(new CodeLabel(variable == q.Id ? q.Id : $"{q.Id}", "other", "Other", "其他"));
                    if (q.Other && q.OptionsFrom is not null)
                    {
                        // The vocabulary's list plus "other": a question-specific list, so the vocabulary stays as it is.
                        codes.AddRange(terms.Where(t => t.Kind.ToString() == q.OptionsFrom).OrderBy(t => t.SortOrder).Select(t => new CodeLabel(q.Id, t.Code, t.NameEn, t.NameZh)));
                        variable = q.Id;
                    }
                    cells.Add((q, wide.Add(q.Id, Factor, $"{text} Option code.", variable),
                        a => AnswerFormat.Codes(QuestionType.Single, a?.Value).FirstOrDefault()));
                    if (q.Other) cells.Add((q, wide.Add($"{q.Id}_other", Text, $"{q.Id}: the text of an \"other\" answer."), a => AnswerFormat.OtherText(a?.Value)));
                    break;
                case QuestionType.Multiple:
                    cells.Add((q, wide.Add(q.Id, Text, $"{text} Option codes joined with ';'" + (q.OptionsFrom is null ? $" (codes.csv variable {q.Id})." : $" (codes.csv variable {q.OptionsFrom}).")),
                        a => AnswerFormat.Multiple(a?.Value) is { Count: > 0 } list ? string.Join(";", list) : null));
                    if (q.OptionsFrom is null) codes.AddRange((q.Options ?? []).Select(o => new CodeLabel(q.Id, o.Code, o.En, o.Zh)));
                    break;
                default:
                    var type = q.Kind switch { QuestionType.Integer or QuestionType.Scale => Integer, QuestionType.Decimal => Number, QuestionType.Date => Date, _ => Text };
                    cells.Add((q, wide.Add(q.Id, type, text + (q.Unit is { } u ? $" Unit: {u}." : "")), a => string.IsNullOrWhiteSpace(a?.Value) ? null : a.Value.Trim()));
                    break;
            }
            cells.Add((q, wide.Add($"{q.Id}_reason", Factor, $"{q.Id}: why the answer is blank, where a reason was recorded.", "blank_reason"), a => a?.BlankReason?.ToString()));
        }
        foreach (var i in interviews)
        {
            var answers = i.Answers.GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.First());
            wide.Rows.Add([i.Id.ToString(Inv), Firm(i.FirmId), Person(i.InterviewerId, 'I'), guides.FirstOrDefault(g => g.Id == i.GuideVersionId)?.Number.ToString(Inv),
                i.InterviewDate.ToString("yyyy-MM-dd", Inv), i.Status.ToString(), i.ConsentGiven ? "1" : "0",
                .. personalData ? new[] { i.RespondentName, i.RespondentTitle } : [],
                .. cells.Select(c => c.Value(answers.GetValueOrDefault(c.Q.Id)))]);
        }

        // partner lists
        var partners = new PackageTable("partners.csv", "Partner lists: one row per partner named in an interview, with the linkage's scope.");
        partners.Add("interview_id", Integer, "Interview (interviews.csv).");
        partners.Add("firm_id", Text, "Focal firm pseudonym.");
        partners.Add("question_id", Text, "Partner-list question of the guide.");
        partners.Add("row", Integer, "Row number within the list.");
        partners.Add("partner_name", Text, "Partner organisation as named (an organisation, not a person).");
        partners.Add("linkage_type", Factor, "Linkage type.", nameof(TermKind.LinkageType));
        partners.Add("partner_kind", Factor, "Partner kind.", nameof(TermKind.PartnerKind));
        partners.Add("partner_location", Factor, "Partner location.", nameof(TermKind.PartnerLocation));
        partners.Add("scope", Factor, "Scope seen from the focal firm's park (empty when the location is unknown).", "scope");
        partners.Add("nature", Factor, "Nature of the relation.", nameof(TermKind.Nature));
        partners.Add("since_year", Integer, "Year the relation began.");
        partners.Add("activity", Text, "What the firm and partner do together.");
        var rows = await (from r in db.PartnerRows.AsNoTracking()
                          join i in db.Interviews on r.InterviewId equals i.Id
                          join f in db.Firms on i.FirmId equals f.Id
                          orderby r.InterviewId, r.QuestionId, r.RowNumber
                          select new PartnerLinkage.Source(i.Id, f.Id, f.ParkId, r)).ToListAsync();
        foreach (var (record, source) in PartnerLinkage.Build(rows, byId).Zip(rows))
            partners.Rows.Add([record.InterviewId.ToString(Inv), Firm(record.FirmId), source.Row.QuestionId, source.Row.RowNumber.ToString(Inv), record.PartnerName,
                record.LinkageTypeCode, record.PartnerKindCode, record.PartnerLocationCode, record.Scope?.ToString(), record.NatureCode,
                source.Row.SinceYear?.ToString(Inv), source.Row.Activity]);

        // coded segments and consensus
        var segs = await (from s in db.Segments.AsNoTracking().Where(s => s.DeletedAtUtc == null)
                          join t in db.Transcripts on s.TranscriptId equals t.Id
                          join i in db.Interviews on t.InterviewId equals i.Id
                          orderby s.TranscriptId, s.Start, s.Id
                          select new { S = s, i.FirmId, InterviewId = i.Id }).ToListAsync();
        PackageTable Segments(string file, string description, bool coder)
        {
            var table = new PackageTable(file, description);
            table.Add("segment_id", Integer, "Record number of the segment.");
            table.Add("transcript_id", Integer, "Transcript coded.");
            table.Add("interview_id", Integer, "Interview (interviews.csv).");
            table.Add("firm_id", Text, "Firm pseudonym.");
            if (coder) table.Add("coder", Text, personalData ? "Coder's name." : "Coder pseudonym (C and the account's stable number).");
            table.Add("start_utf16", Integer, "Start of the passage: UTF-16 code units from the start of the transcript (NFC, \\n).");
            table.Add("end_utf16", Integer, "End of the passage (exclusive), UTF-16 code units.");
            table.Add("linkage_type", Factor, "Linkage type code.", nameof(TermKind.LinkageType));
            table.Add("partner_location", Factor, "Partner location code.", nameof(TermKind.PartnerLocation));
            table.Add("partner_kind", Factor, "Partner kind code.", nameof(TermKind.PartnerKind));
            table.Add("nature", Factor, "Nature code.", nameof(TermKind.Nature));
            table.Add("partner_name", Text, "Partner named in the passage.");
            table.Add("quote", Text, "The coded passage, verbatim.");
            table.Add("memo", Text, "Coder's memo.");
            table.Add("anchor", Factor, "Whether the passage kept its place after transcript revisions.", "anchor");
            table.Add("created_at_utc", UtcTime, "When the segment was coded, UTC.");
            foreach (var x in segs.Where(x => x.S.IsConsensus != coder))
                table.Rows.Add([x.S.Id.ToString(Inv), x.S.TranscriptId.ToString(Inv), x.InterviewId.ToString(Inv), Firm(x.FirmId),
                    .. coder ? new[] { Person(x.S.CoderId, 'C') } : [],
                    x.S.Start.ToString(Inv), x.S.End.ToString(Inv), Code(x.S.LinkageTypeId), Code(x.S.PartnerLocationId), Code(x.S.PartnerKindId),
                    Code(x.S.NatureId), x.S.PartnerName, x.S.Quote, x.S.Memo, x.S.Anchor.ToString(), Time(x.S.CreatedAtUtc)]);
            return table;
        }
        var coded = Segments("segments.csv", "Coded passages, one row per coder's segment.", coder: true);
        var consensus = Segments("consensus.csv", "Consensus codes: the segments the PI settled after adjudication.", coder: false);

        // The same coefficients as the agreement page's default: finished double-coded transcripts, units matched by
        // overlap under the default rule (overlap / shorter span >= 0.5), codes compared on the passages both coders found.
        var agreement = new PackageTable("agreement.csv",
            "Inter-coder agreement per coding dimension over all finished double-coded transcripts, as on the agreement page: " +
            "units are the two coders' passages matched by overlap (overlap / shorter span >= 0.5); the coefficients compare the codes " +
            "of the passages both coders found; passages_found and positive_agreement say whether they found the same passages. " +
            "A blank field is missing.");
        agreement.Add("scope", Text, "Which units: all transcripts together.");
        agreement.Add("dimension", Text, "Coding dimension.");
        agreement.Add("units", Integer, "Units of analysis (passages both coders found and coded on this dimension).");
        agreement.Add("percent_agreement", Number, "Share of units on which the two coders gave the same code (0 to 1).");
        agreement.Add("cohens_kappa", Number, "Cohen's kappa; empty when undefined.");
        agreement.Add("krippendorff_alpha", Number, "Krippendorff's alpha (nominal); empty when undefined.");
        agreement.Add("alpha_ci_lower", Number, "Lower end of alpha's 95 % interval from Krippendorff's bootstrap (KALPHA algorithm: pairs of values drawn from the coincidence matrix, seed 1); empty when none was computed.");
        agreement.Add("alpha_ci_upper", Number, "Upper end of that interval.");
        agreement.Add("verdict", Text, "alpha >= 0.800 reliable; 0.667 to 0.800 tentative; below unreliable.");
        agreement.Add("replicates", Integer, "Bootstrap replicates used for the interval; 0 when none was computed.");
        agreement.Add("undefined_replicates", Integer, "Replicates with no variation (alpha undefined), counted as alpha = 0 as Krippendorff's algorithm prescribes.");
        agreement.Add("q_below_0_800", Number, "Share of replicates with alpha below 0.800: the probability that alpha is below that minimum.");
        agreement.Add("q_below_0_667", Number, "Share of replicates with alpha below 0.667.");
        agreement.Add("brennan_prediger_kappa", Number, "Brennan-Prediger kappa, chance = 1 / number of codes of the dimension; empty when undefined.");
        agreement.Add("gwet_ac1", Number, "Gwet's AC1; empty when undefined.");
        agreement.Add("cluster_ci_lower", Number, "Lower end of alpha's 95 % interval from resampling whole transcripts (passages cluster within interviews); empty when not computed.");
        agreement.Add("cluster_ci_upper", Number, "Upper end of that interval.");
        agreement.Add("cluster_replicates", Integer, "Transcript resamples used; 0 when that interval was not computed.");
        agreement.Add("passages_found", Integer, "Passages either coder of the scope marked.");
        agreement.Add("positive_agreement", Number, "2 x passages both found / (passages of the first coder + passages of the second): did they find the same passages?");
        var agreementUnits = await db.UnitsAsync(await db.PairsAsync(includeUnfinished: false), MatchRule.Default);
        var summary = AgreementTables.Summarise(agreementUnits, await db.CodebookAsync(), basis: AgreementBasis.Coding);
        static string? Coefficient(double x) => double.IsNaN(x) ? null : Math.Round(x, 4).ToString(Inv);
        // Pooled rows only: pair rows would name coders, whom the package pseudonymises.
        foreach (var row in summary.ByDimension)
        {
            var f = row.Figures;
            var found = summary.Unitizing.FirstOrDefault(u => u.Scope == row.Scope);
            agreement.Rows.Add([row.Scope, row.Dimension.ToString(), f.Units.ToString(Inv), Coefficient(f.Percent), Coefficient(f.Kappa),
                Coefficient(f.Alpha), Coefficient(f.AlphaInterval.Lower), Coefficient(f.AlphaInterval.Upper), AgreementTables.ReadingName(f.Reading),
                f.Distribution.Replicates.ToString(Inv), f.Distribution.Undefined.ToString(Inv), Coefficient(f.Distribution.Q(0.800)),
                Coefficient(f.Distribution.Q(0.667)), Coefficient(f.BrennanPrediger), Coefficient(f.GwetAc1), Coefficient(f.ClusterInterval.Lower),
                Coefficient(f.ClusterInterval.Upper), f.ClusterInterval.Replicates.ToString(Inv), found?.Units.ToString(Inv),
                found is null ? null : Coefficient(found.PositiveAgreement)]);
        }

        IReadOnlyList<PackageTable> tables = [firms, calls, wide, partners, coded, consensus, agreement];
        codes = codes.DistinctBy(c => (c.Variable, c.Code)).ToList();
        return (Zip(tables, codes, personalData, escapeFormulas, now), tables);
    }

    static byte[] Zip(IReadOnlyList<PackageTable> tables, IReadOnlyList<CodeLabel> codes, bool personalData, bool escapeFormulas, DateTimeOffset now)
    {
        var codebook = new PackageTable("codebook.csv", "Every column of every CSV.");
        codebook.Add("file", Text, "CSV file.");
        codebook.Add("column", Text, "Column name.");
        codebook.Add("type", Text, "text, integer, number, date, utctime (UTC) or factor.");
        codebook.Add("codes", Text, "For factors: the variable in codes.csv whose codes the column holds.");
        codebook.Add("description", Text, "What the column holds.");
        foreach (var t in tables)
            foreach (var c in t.Columns)
                codebook.Rows.Add([t.File, c.Name, c.Type.ToString().ToLowerInvariant(), c.Variable, c.Description]);
        var codeTable = new PackageTable("codes.csv", "Every code with its English and Chinese label.");
        codeTable.Add("variable", Text, "Code list.");
        codeTable.Add("code", Text, "Code as written in the CSVs.");
        codeTable.Add("label_en", Text, "English label.");
        codeTable.Add("label_zh", Text, "Chinese label.");
        foreach (var c in codes) codeTable.Rows.Add([c.Variable, c.Code, c.En, c.Zh]);

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes) { using var e = zip.CreateEntry(name).Open(); e.Write(bytes); }
            foreach (var t in tables.Append(codebook).Append(codeTable)) Add(t.File, t.ToCsv(escapeFormulas));
            var utf8 = new UTF8Encoding(false);
            Add("read_fieldsurvey.R", utf8.GetBytes(ReaderScripts.R(tables)));
            Add("read_fieldsurvey.do", utf8.GetBytes(ReaderScripts.Stata(tables, codes)));
            Add("README.md", utf8.GetBytes(Readme(tables, personalData, escapeFormulas, now)));
        }
        return stream.ToArray();
    }

    static string Readme(IReadOnlyList<PackageTable> tables, bool personalData, bool escapeFormulas, DateTimeOffset now)
    {
        var r = new StringBuilder();
        r.AppendLine("# FieldSurvey data package");
        r.AppendLine();
        r.AppendLine($"Exported {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC. " + (personalData
            ? "**Contains personal data** (names of firms, respondents, interviewers and coders; dialled numbers; call notes): handle under your data-protection rules."
            : "Without personal data: people appear as stable pseudonyms (I03 = interviewer, C04 = coder; the number is the account's, so one person who both interviews and codes has the same number), firms as F0012. No contacts, respondent names, dialled numbers or call notes."));
        r.AppendLine();
        r.AppendLine("## Files");
        foreach (var t in tables) r.AppendLine($"- `{t.File}` ({t.Rows.Count} rows): {t.Description}");
        r.AppendLine("- `codebook.csv`: every column of every CSV with its type and meaning.");
        r.AppendLine("- `codes.csv`: every code with English and Chinese labels.");
        r.AppendLine("- `read_fieldsurvey.R` (`Rscript read_fieldsurvey.R`) and `read_fieldsurvey.do` (Stata 14+, `do read_fieldsurvey.do`) read every CSV with its types and labels; run them in this folder.");
        r.AppendLine();
        r.AppendLine("## Conventions");
        r.AppendLine("- CSV: comma-separated, RFC 4180 quoting, **UTF-8 without BOM**, `\\n` line ends, header row. Empty cell = missing.");
        r.AppendLine(escapeFormulas
            ? "- Spreadsheet formulas are escaped: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return (and is not a plain number) is written with a leading apostrophe `'`, so Excel and LibreOffice show it as text instead of running it. Drop that apostrophe in R/Stata if you need the exact text, or export the unescaped variant."
            : "- Text is written exactly as stored: **no spreadsheet formula escaping** (a cell may begin with `=`, `+`, `-` or `@`). The PI chose this variant for R/Stata; do **not** open these files in a spreadsheet, where such a cell runs as a formula.");
        r.AppendLine("- Times are UTC (`yyyy-mm-dd hh:mm:ss`); interview dates are Beijing dates.");
        r.AppendLine("- Multiple-choice answers: codes joined with `;`. Split questions: one column per part (`QID_part`, percent). `QID_reason`: why an answer is blank.");
        r.AppendLine("- Segment offsets count UTF-16 code units in the stored transcript (Unicode NFC, `\\n`).");
        r.AppendLine("- `agreement.csv` holds percent agreement, Cohen's kappa and Krippendorff's alpha per dimension, computed as on the agreement page.");
        return r.ToString();
    }
}
