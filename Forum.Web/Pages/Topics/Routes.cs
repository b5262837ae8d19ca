namespace Forum.Web.Pages.Topics;

/// <summary>Discourse's URL shapes for topic lists and topics.</summary>
public static class Routes
{
    public static void Add(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions)
    {
        conventions.AddPageRoute("/Topics/Latest", "");
        conventions.AddPageRoute("/Topics/Latest", "latest");
        conventions.AddPageRoute("/Topics/Latest", "{list:regex(^(new|unread|top)$)}");
        conventions.AddPageRoute("/Topics/Latest", "{list:regex(^top$)}/{period}");
        conventions.AddPageRoute("/Topics/Latest", "c/{slug}/{id:long}");
        conventions.AddPageRoute("/Topics/Show", "t/{slug}/{id:long}/{postNumber:int?}");
        conventions.AddPageRoute("/Topics/Show", "t/{id:long}");
        conventions.AddPageRoute("/Topics/New", "new-topic");
    }
}
