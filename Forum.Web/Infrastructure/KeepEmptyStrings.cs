using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Forum.Web.Infrastructure;

/// <summary>
/// An empty text box binds as "" rather than null, so Core's rules see an empty title and refuse it with a
/// message instead of the request failing.
/// </summary>
public sealed class KeepEmptyStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string)) context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}
