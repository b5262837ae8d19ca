using Forum.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forum.Web.Pages.Accounts;

public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Ends the session on the server too: a copy of the cookie taken earlier stops working.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await ForumClaims.SignOutAsync(HttpContext);
        return Redirect("/");
    }
}
