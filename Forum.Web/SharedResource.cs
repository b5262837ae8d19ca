namespace Forum.Web;

/// <summary>Anchor type for the forum's UI strings: Resources/SharedResource.es.resx holds the Spanish.</summary>
public sealed class SharedResource;
