using Forum.Core.Topics;

namespace Forum.Web.Pages.Topics;

/// <summary>The tabs above the topic lists (Latest · New (n) · Unread (n) · Top); counts only for members.</summary>
public sealed record TopicListTabs(string Current, TopicListCounts? Counts);
