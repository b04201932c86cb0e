using FieldSurvey.Core.Study;

namespace FieldSurvey.Web.Pages.Admin;

public static class VocabularyNames
{
    public static string KindName(TermKind kind) => kind switch
    {
        TermKind.LinkageType => "Linkage types",
        TermKind.PartnerLocation => "Partner locations",
        TermKind.PartnerKind => "Partner kinds",
        TermKind.Nature => "Nature of relations",
        TermKind.ValueChainActivity => "Value-chain activities",
        TermKind.Subsector => "Subsectors",
        TermKind.Theme => "Thematic codes",
        _ => kind.ToString(),
    };
}
