namespace Forum.Core.Markdown;

/// <summary>
/// The shortcodes posts may use, named as on GitHub and Discourse. Kept here rather than taken from Markdig's
/// built-in table so a library upgrade cannot change cooked output without a <see cref="PostCooker.CookerVersion"/> bump.
/// </summary>
internal static class EmojiShortcodes
{
    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>
    {
        // Faces
        ["grinning"] = "😀", ["smiley"] = "😃", ["smile"] = "😄", ["grin"] = "😁",
        ["laughing"] = "😆", ["satisfied"] = "😆", ["sweat_smile"] = "😅", ["rofl"] = "🤣", ["joy"] = "😂",
        ["slightly_smiling_face"] = "🙂", ["upside_down_face"] = "🙃", ["wink"] = "😉", ["blush"] = "😊",
        ["innocent"] = "😇", ["heart_eyes"] = "😍", ["kissing_heart"] = "😘", ["yum"] = "😋",
        ["stuck_out_tongue"] = "😛", ["stuck_out_tongue_winking_eye"] = "😜",
        ["stuck_out_tongue_closed_eyes"] = "😝", ["thinking"] = "🤔", ["neutral_face"] = "😐",
        ["expressionless"] = "😑", ["no_mouth"] = "😶", ["smirk"] = "😏", ["unamused"] = "😒",
        ["roll_eyes"] = "🙄", ["grimacing"] = "😬", ["relieved"] = "😌", ["pensive"] = "😔",
        ["sleepy"] = "😪", ["sleeping"] = "😴", ["mask"] = "😷", ["nerd_face"] = "🤓", ["sunglasses"] = "😎",
        ["confused"] = "😕", ["worried"] = "😟", ["slightly_frowning_face"] = "🙁", ["open_mouth"] = "😮",
        ["astonished"] = "😲", ["flushed"] = "😳", ["pleading_face"] = "🥺", ["cry"] = "😢", ["sob"] = "😭",
        ["scream"] = "😱", ["confounded"] = "😖", ["disappointed"] = "😞", ["sweat"] = "😓", ["weary"] = "😩",
        ["tired_face"] = "😫", ["triumph"] = "😤", ["rage"] = "😡", ["angry"] = "😠", ["skull"] = "💀",
        ["poop"] = "💩", ["hankey"] = "💩", ["clown_face"] = "🤡", ["ghost"] = "👻", ["robot"] = "🤖",
        ["see_no_evil"] = "🙈", ["hear_no_evil"] = "🙉", ["speak_no_evil"] = "🙊",

        // Hearts and marks
        ["heart"] = "❤️", ["broken_heart"] = "💔", ["sparkling_heart"] = "💖", ["100"] = "💯",
        ["boom"] = "💥", ["collision"] = "💥", ["zzz"] = "💤", ["speech_balloon"] = "💬", ["thought_balloon"] = "💭",

        // Hands and people
        ["wave"] = "👋", ["raised_hand"] = "✋", ["ok_hand"] = "👌", ["v"] = "✌️", ["crossed_fingers"] = "🤞",
        ["point_left"] = "👈", ["point_right"] = "👉", ["point_up"] = "☝️", ["point_up_2"] = "👆",
        ["point_down"] = "👇", ["+1"] = "👍", ["thumbsup"] = "👍", ["-1"] = "👎", ["thumbsdown"] = "👎",
        ["fist"] = "✊", ["punch"] = "👊", ["facepunch"] = "👊", ["clap"] = "👏", ["raised_hands"] = "🙌",
        ["open_hands"] = "👐", ["handshake"] = "🤝", ["pray"] = "🙏", ["muscle"] = "💪", ["eyes"] = "👀",
        ["brain"] = "🧠",

        // Celebration, nature, food
        ["tada"] = "🎉", ["confetti_ball"] = "🎊", ["gift"] = "🎁", ["trophy"] = "🏆", ["dart"] = "🎯",
        ["checkered_flag"] = "🏁", ["rocket"] = "🚀", ["fire"] = "🔥", ["star"] = "⭐", ["star2"] = "🌟",
        ["sparkles"] = "✨", ["zap"] = "⚡", ["sunny"] = "☀️", ["rainbow"] = "🌈", ["seedling"] = "🌱",
        ["herb"] = "🌿", ["deciduous_tree"] = "🌳", ["earth_americas"] = "🌎", ["earth_africa"] = "🌍",
        ["earth_asia"] = "🌏", ["globe_with_meridians"] = "🌐", ["house"] = "🏠", ["office"] = "🏢",
        ["cat"] = "🐱", ["dog"] = "🐶", ["unicorn"] = "🦄", ["bug"] = "🐛",
        ["coffee"] = "☕", ["tea"] = "🍵", ["beer"] = "🍺", ["pizza"] = "🍕", ["cake"] = "🍰",

        // Symbols
        ["white_check_mark"] = "✅", ["heavy_check_mark"] = "✔️", ["x"] = "❌", ["warning"] = "⚠️",
        ["no_entry"] = "⛔", ["construction"] = "🚧", ["question"] = "❓", ["exclamation"] = "❗",
        ["heavy_exclamation_mark"] = "❗", ["bulb"] = "💡", ["information_source"] = "ℹ️",
        ["arrow_right"] = "➡️", ["arrow_up"] = "⬆️", ["arrow_down"] = "⬇️", ["recycle"] = "♻️",
        ["hourglass"] = "⌛", ["stopwatch"] = "⏱️",

        // Work and tools
        ["calendar"] = "📆", ["date"] = "📅", ["memo"] = "📝", ["pencil"] = "📝", ["pencil2"] = "✏️",
        ["page_facing_up"] = "📄", ["clipboard"] = "📋", ["pushpin"] = "📌", ["paperclip"] = "📎",
        ["link"] = "🔗", ["lock"] = "🔒", ["unlock"] = "🔓", ["key"] = "🔑", ["hammer"] = "🔨",
        ["wrench"] = "🔧", ["gear"] = "⚙️", ["hammer_and_wrench"] = "🛠️", ["toolbox"] = "🧰",
        ["package"] = "📦", ["computer"] = "💻", ["keyboard"] = "⌨️", ["mag"] = "🔍",
        ["chart_with_upwards_trend"] = "📈", ["chart_with_downwards_trend"] = "📉", ["bar_chart"] = "📊",
        ["moneybag"] = "💰", ["dollar"] = "💵", ["email"] = "📧", ["envelope"] = "✉️", ["mailbox"] = "📫",
        ["phone"] = "☎️", ["telephone"] = "☎️", ["loudspeaker"] = "📢", ["mega"] = "📣", ["bell"] = "🔔",
        ["books"] = "📚", ["book"] = "📖",
    };

    /// <summary>Markdig matches the whole token, colons included.</summary>
    public static Dictionary<string, string> ToMarkdigMapping() =>
        ByName.ToDictionary(pair => $":{pair.Key}:", pair => pair.Value);
}
