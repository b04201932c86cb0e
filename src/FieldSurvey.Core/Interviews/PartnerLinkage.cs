using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Interviews;

/// <summary>A partner-list row seen as a linkage of the focal firm, with its scope: the structured twin of a coded passage.</summary>
public sealed record PartnerLinkageRecord(int InterviewId, int FirmId, int FocalParkId, string? LinkageTypeCode,
    string? PartnerKindCode, string? PartnerLocationCode, Scope? Scope, string? NatureCode, string PartnerName);

public static class PartnerLinkage
{
    /// <summary>The facts of one partner row as reports project them (term ids resolved by the caller).</summary>
    public sealed record Source(int InterviewId, int FirmId, int FocalParkId, PartnerRow Row);

    /// <summary>
    /// Turns partner rows into linkage records. Scope is null when the row has no location (the partner
    /// is known but not where it is): such rows still count as linkages, never as a scope.
    /// </summary>
    public static IReadOnlyList<PartnerLinkageRecord> Build(IEnumerable<Source> rows, IReadOnlyDictionary<int, Term> terms) =>
        rows.Select(s =>
        {
            Term? Of(int? id) => id is { } i && terms.TryGetValue(i, out var t) ? t : null;
            var location = Of(s.Row.PartnerLocationId);
            Scope? scope = location?.Level is { } level ? Scopes.Of(s.FocalParkId, level, location.ParkId) : null;
            return new PartnerLinkageRecord(s.InterviewId, s.FirmId, s.FocalParkId, Of(s.Row.LinkageTypeId)?.Code,
                Of(s.Row.PartnerKindId)?.Code, location?.Code, scope, Of(s.Row.NatureId)?.Code, s.Row.PartnerName);
        }).ToList();
}
