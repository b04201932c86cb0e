using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldSurvey.Web.Pages.Admin;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
