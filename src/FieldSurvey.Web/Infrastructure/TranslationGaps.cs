using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Remembers every string a page asked for in Chinese that has no zh-Hans translation (it then shows the
/// English text). The translation test walks the pages in Chinese and fails on any gap; in production it
/// costs a dictionary lookup per miss, and the PI can see gaps in the log.
/// </summary>
public sealed class TranslationGaps
{
    readonly ConcurrentDictionary<string, byte> missing = new();
    public IReadOnlyCollection<string> Missing => missing.Keys.ToList();
    public void Clear() => missing.Clear();
    internal void Report(string key) => missing.TryAdd(key, 0);
}

/// <summary>Wraps the resource-file localizer factory so that every lookup is checked for a gap.</summary>
public sealed class GapTrackingLocalizerFactory(ResourceManagerStringLocalizerFactory inner, TranslationGaps gaps) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Tracking(inner.Create(resourceSource), gaps);
    public IStringLocalizer Create(string baseName, string location) => new Tracking(inner.Create(baseName, location), gaps);

    sealed class Tracking(IStringLocalizer inner, TranslationGaps gaps) : IStringLocalizer
    {
        public LocalizedString this[string name] => Check(inner[name]);
        public LocalizedString this[string name, params object[] arguments] => Check(inner[name, arguments], name);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        LocalizedString Check(LocalizedString value, string? key = null)
        {
            if (value.ResourceNotFound && DisplayNames.Chinese)
                gaps.Report(key ?? value.Name);
            return value;
        }
    }
}
