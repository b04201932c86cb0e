using System.Xml;

namespace FieldSurvey.Core;

/// <summary>
/// Settings for every uploaded XML we parse ourselves. A DTD is refused outright (not just resolved
/// offline): an internal entity is expanded without any resolver, which is how "billion laughs" works
/// and how a review got text of its choosing into an import report.
/// </summary>
public static class UploadedXml
{
    public static XmlReaderSettings Settings => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
}
