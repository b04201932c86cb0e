using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Infrastructure;

/// <summary>Every Razor page of the app, with a GET-able URL (route parameters get the id 1).</summary>
public static class PageRoutes
{
    public static IReadOnlyList<(string Path, string Url)> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .Select(x => (x.Page!.ViewEnginePath, "/" + System.Text.RegularExpressions.Regex.Replace(x.Endpoint.RoutePattern.RawText!, @"\{[^}]+\}", "1").TrimEnd('/')))
            .DistinctBy(x => x.Item1)
            .OrderBy(x => x.Item1)
            .ToList();
}
