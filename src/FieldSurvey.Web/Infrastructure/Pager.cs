using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// One page of a list that grows with the study: which rows to take, and what the _Pager partial prints
/// ("rows 26–50 of 2,000", previous/next). The page number rides in the query string (<c>p</c>), so a page is bookmarkable.
/// </summary>
public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> Link)
{
    /// <summary>The page asked for, moved into range (a bookmark to page 9 of a list now 3 pages long shows page 3).</summary>
    public static int Clamp(int page, int pageSize, int total) => Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));

    /// <summary>
    /// Page <paramref name="page"/> (moved into range) of a list of <paramref name="total"/> rows shown at <paramref name="request"/>'s
    /// address: each link keeps the request's query (the filters) and sets only <c>p</c>.
    /// </summary>
    public static Pager For(HttpRequest request, int page, int pageSize, int total)
    {
        var kept = request.Query.Where(k => k.Key is not ("p" or "handler"))
            .SelectMany(k => k.Value.Select(v => KeyValuePair.Create(k.Key, v))).ToList();
        var path = request.PathBase + request.Path;
        return new Pager(Clamp(page, pageSize, total), pageSize, total,
            p => path + QueryString.Create([.. kept, KeyValuePair.Create("p", (string?)p.ToString(CultureInfo.InvariantCulture))]));
    }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public int First => Total == 0 ? 0 : Skip + 1;
    public int Last => Math.Min(Total, Skip + PageSize);
}
