using Forum.Core.Accounts;

namespace Forum.Web.Demo;

public sealed record DemoCategory(string Name, string Slug, string Description, string Color, string? ParentSlug = null);

public sealed record DemoMember(
    string Username, string Name, string Organization, string Location, string TimeZone, string Locale, string Bio,
    UserRole Role = UserRole.Member);

/// <summary>A thread started <see cref="DaysAgo"/> days before loading; its replies come in order.</summary>
public sealed record DemoTopic(string Category, string Author, double DaysAgo, string Title, string Raw, string[] LikedBy, DemoReply[] Replies);

/// <summary><see cref="ReplyTo"/> is the post number answered (1 is the opening post).</summary>
public sealed record DemoReply(string Author, double HoursAfterStart, string Raw, int? ReplyTo = null, string[]? LikedBy = null);

/// <summary>
/// A small network of technology cooperatives sharing leads and arguing about money, servers and meetings,
/// in English and Spanish: what a newcomer should see instead of an empty forum.
/// </summary>
public static class DemoContent
{
    /// <summary>Every demo member logs in with this password; the README says so.</summary>
    public const string Password = "demo-password";

    public static readonly DemoCategory[] Categories =
    [
        new("Leads & projects / Oportunidades", "leads",
            "Work one cooperative can't take alone: share it, find partners, split it fairly. Trabajo para compartir entre cooperativas.",
            "0E9F6E"),
        new("Inter-coop teams", "inter-coop-teams",
            "Projects staffed by people from several coops: how we form teams, coordinate, bill and look back.",
            "3F83F8"),
        new("Tools & infrastructure", "tools",
            "Hosting, CI, backups, the boring things that keep us running. Herramientas e infraestructura.",
            "6B7280"),
        new("Shared servers", "shared-servers",
            "The machines the network rents together: costs, access, who is on call.",
            "9CA3AF", ParentSlug: "tools"),
        new("Governance & economics", "governance",
            "Rates, surplus sharing, decision-making, statutes and solidarity funds. Gobernanza y economía.",
            "C27803"),
        new("Events / Encuentros", "events",
            "Assemblies, meetups, conferences and hack days, online and in person.",
            "E74694"),
        new("Off-topic / Café", "cafe",
            "Everything else. Pull up a chair.",
            "7E3AF2"),
    ];

    public static readonly DemoMember[] Members =
    [
        new("lucia.trama", "Lucía Fernández", "Cooperativa Trama", "Montevideo, Uruguay", "America/Montevideo", "es",
            "Desarrolladora backend y facilitadora de la red. Me gustan los sistemas aburridos que funcionan.", UserRole.Moderator),
        new("amara.baobab", "Amara Okafor", "Baobab Digital Co-op", "Lagos, Nigeria", "Africa/Lagos", "en",
            "Product designer. I care about apps that work on cheap phones and bad networks."),
        new("jonas.quellcode", "Jonas Becker", "Quellcode Kollektiv eG", "Leipzig, Germany", "Europe/Berlin", "en",
            "Ops person. Runs our servers, our CI and, apparently, our coffee machine."),
        new("diego.nodosur", "Diego Ramírez", "Nodo Sur Cooperativa", "Bogotá, Colombia", "America/Bogota", "es",
            "Full-stack (PHP, Laravel, algo de Go). Cofundador de Nodo Sur. Siempre buscando aliados para licitaciones públicas."),
        new("priya.commons", "Priya Nair", "Commons Code Cooperative", "Bristol, UK", "Europe/London", "en",
            "Finance and governance at Commons Code. Spreadsheets are my love language."),
        new("mateo.colmena", "Mateo Silva", "Colmena Tech", "Ciudad de México, México", "America/Mexico_City", "es",
            "Desarrollo móvil (Flutter y Kotlin). Colmena somos nueve socias y socios."),
        new("carmen.teixo", "Carmen Vidal", "Teixo Cooperativa", "Barcelona, España", "Europe/Madrid", "es",
            "Accesibilidad web y frontend. Auditorías WCAG, formación y mucha paciencia."),
        new("kai.tidepool", "Kai Tanaka-Reyes", "Tidepool Workers Co-op", "Vancouver, Canada", "America/Vancouver", "en",
            "Data engineering. Postgres enthusiast. Will review your migrations for tea."),
        new("wanjiru.msingi", "Wanjiru Kamau", "Msingi Tech Co-op", "Nairobi, Kenya", "Africa/Nairobi", "en",
            "Security engineer. I break things politely so others can't break them rudely."),
        new("ben.mycelium", "Ben O'Connor", "Mycelium Co-op", "Melbourne, Australia", "Australia/Melbourne", "en",
            "Runs workshops and events for the network. Permanently in the wrong time zone."),
        new("ines.enxame", "Inês Pereira", "Enxame Cooperativa", "São Paulo, Brasil", "America/Sao_Paulo", "es",
            "Dev Elixir e Ruby. Escribo en español (con acento portugués) y en inglés."),
    ];

    public static readonly DemoTopic[] Topics =
    [
        new("cafe", "lucia.trama", 21, "Introduce yourself / Preséntate aquí",
            """
            Welcome to the network's forum! :wave: ¡Bienvenidas y bienvenidos!

            Tell us who you are, which coop you're part of and what you work on. Write in English or Spanish,
            whatever feels natural — we read both.

            Yo empiezo: soy Lucía, de **Cooperativa Trama** en Montevideo. Hacemos backends para
            organizaciones sociales y facilito las asambleas de la red.
            """,
            ["amara.baobab", "diego.nodosur", "ben.mycelium"],
            [
                new("amara.baobab", 3, """
                    Hi all! Amara from **Baobab Digital** in Lagos. We're seven people: design, Android and a bit of
                    backend. Looking forward to sharing leads — there's more work here than we can handle. :rocket:
                    """, LikedBy: ["lucia.trama", "mateo.colmena"]),
                new("diego.nodosur", 5, """
                    ¡Hola! Diego, de **Nodo Sur** (Bogotá). Somos seis y trabajamos sobre todo para el sector
                    público y ONGs. Mi inglés es _ok_, so feel free to write to me in English too.
                    """),
                new("jonas.quellcode", 9, """
                    Moin! Jonas from Quellcode Kollektiv in Leipzig. I keep servers alive. If you ever need help
                    with Postgres backups or Forgejo, ping me.
                    """, LikedBy: ["kai.tidepool"]),
                new("carmen.teixo", 14, """
                    Hola a todas :blush: Carmen, de **Teixo** (Barcelona). Hacemos accesibilidad web: auditorías,
                    correcciones y formación. Si su proyecto tiene que cumplir WCAG, hablemos.
                    """),
                new("kai.tidepool", 20, """
                    Kai here, Tidepool Workers Co-op in Vancouver. Data pipelines, Postgres, and too many opinions
                    about indexes. @jonas.quellcode we should talk backups sometime.
                    """, ReplyTo: 4),
                new("ines.enxame", 30, """
                    Olá! Inês, de **Enxame** en São Paulo. Elixir y Ruby. Escribo en español con acento
                    portugués, ¡perdón por los errores! :sweat_smile:
                    """, LikedBy: ["lucia.trama", "carmen.teixo", "diego.nodosur"]),
                new("lucia.trama", 31, """
                    ¡Tu español está perfecto, Inês! Bienvenida. Welcome everyone — the assembly thread in
                    Events is where we set the next call.
                    """, ReplyTo: 7),
            ]),

        new("leads", "amara.baobab", 17, "Lead: offline-first mobile app for a network of farmers' markets",
            """
            Hi all :wave:

            A federation of farmers' markets we've worked with asked us for a mobile app for vendors: stock,
            prices and pickup slots. Baobab can cover design and the backend, but we need **one or two mobile
            developers** for about 3–4 months.

            What we know so far:

            - Budget: roughly €45k, paid in three milestones
            - Android first; many vendors use low-end phones on patchy 3G
            - Offline-first is a must, syncing when there's signal
            - Start: early next month

            If your coop is interested, reply here. We'd like to decide by Friday. :pray:
            """,
            ["mateo.colmena", "kai.tidepool", "lucia.trama"],
            [
                new("mateo.colmena", 5, """
                    ¡Colmena está interesada! Shipped two offline-first apps with Flutter last year, one of them
                    for a fishing cooperative with terrible connectivity. Two of us are free from the 15th.
                    Can you share how the milestones split?
                    """, LikedBy: ["amara.baobab"]),
                new("amara.baobab", 7, """
                    Great to hear! Milestones:

                    1. 30% on a clickable prototype tested with vendors
                    2. 40% on a beta used by 20 vendors for two weeks
                    3. 30% on launch

                    I'll send you the brief by email today.
                    """, ReplyTo: 2),
                new("kai.tidepool", 9, """
                    We can't take it on, but a word of advice on sync: don't build it yourselves. Look at
                    [CouchDB + PouchDB](https://pouchdb.com/) or a CRDT library. We've been burned by homegrown
                    sync twice. :sweat_smile:
                    """, LikedBy: ["mateo.colmena", "amara.baobab", "jonas.quellcode"]),
                new("diego.nodosur", 20, """
                    Totalmente de acuerdo con Kai: la sincronización casera siempre termina mal. If Colmena needs a
                    hand with the API side, Nodo Sur has some room in March.
                    """, ReplyTo: 4),
                new("amara.baobab", 52, """
                    Update: Colmena and Baobab signed the agreement :tada: Thank you all! We'll post a retro in
                    Inter-coop teams when it's done.
                    """, LikedBy: ["lucia.trama", "mateo.colmena", "priya.commons", "ben.mycelium"]),
            ]),

        new("leads", "diego.nodosur", 15, "Oportunidad: portal de trámites para una alcaldía en Colombia",
            """
            ¡Hola red! :wave:

            Nos llegó una licitación pública para rediseñar el portal de trámites de una alcaldía mediana en
            Cundinamarca. Es demasiado grande para Nodo Sur solos.

            **Lo que piden:**

            1. Migrar 40 trámites de formularios en PDF a formularios web accesibles
            2. Integración con la pasarela de pagos PSE
            3. Cumplir la norma de accesibilidad NTC 5854 (nivel AA)
            4. Soporte durante 12 meses

            Plazo para presentar la propuesta: tres semanas. Buscamos una cooperativa con experiencia en
            accesibilidad y otra en diseño de servicios. ¿Quién se apunta?
            """,
            ["lucia.trama", "carmen.teixo"],
            [
                new("carmen.teixo", 3, """
                    ¡Nosotras! En Teixo hacemos auditorías de accesibilidad y podemos encargarnos de la parte AA
                    y de formar al equipo de la alcaldía. ¿Tienen ya el pliego completo?
                    """, LikedBy: ["diego.nodosur"]),
                new("diego.nodosur", 4, """
                    ¡Genial, Carmen! Te paso el pliego por correo. La formación suma puntos en la evaluación,
                    así que es perfecto.
                    """, ReplyTo: 2),
                new("lucia.trama", 6, """
                    Trama puede aportar diseño de servicios. Ojo con el punto 2: la integración con PSE suele
                    tardar más de lo previsto por los trámites con el banco. Yo la presupuestaría con holgura.
                    """, LikedBy: ["diego.nodosur", "ines.enxame"]),
                new("diego.nodosur", 26, """
                    Buen punto, Lucía. Propuesta de reparto preliminar:

                    | Cooperativa | Parte | Horas estimadas |
                    |---|---|---:|
                    | Nodo Sur | Backend, PSE y soporte | 900 |
                    | Teixo | Accesibilidad y formación | 350 |
                    | Trama | Diseño de servicios | 300 |

                    ¿Les parece? Lo hablamos el jueves en la llamada. :calendar:
                    """, ReplyTo: 4, LikedBy: ["lucia.trama", "carmen.teixo", "mateo.colmena"]),
                new("carmen.teixo", 29, """
                    :+1: Por nuestra parte bien. Nos vemos el jueves.
                    """, ReplyTo: 5),
            ]),

        new("inter-coop-teams", "priya.commons", 13, "How do you split revenue on inter-coop projects?",
            """
            We're on our third joint project with other coops and every time we reinvent how the money is
            split. The options we've tried:

            - by hours logged, at a shared rate
            - fixed shares agreed upfront
            - the lead coop takes a coordination fee (10–15%) and the rest goes by hours

            What has worked for you? And what blew up? :thinking:
            """,
            ["jonas.quellcode", "lucia.trama", "amara.baobab"],
            [
                new("jonas.quellcode", 4, """
                    We do hours at a shared rate plus an 8% coordination fee for the lead coop. The important
                    part is agreeing on the rate *before* the project starts, and keeping one shared timesheet
                    everybody can see. A plain spreadsheet is enough.
                    """, LikedBy: ["priya.commons"]),
                new("lucia.trama", 6, """
                    En Trama usamos algo parecido, pero con un fondo común del 5% para imprevistos (bugs después
                    de la entrega, garantía). Sorry for the Spanish — TL;DR: a 5% contingency pot, released at the
                    end of the warranty period.
                    """, LikedBy: ["priya.commons", "diego.nodosur"]),
                new("priya.commons", 8, """
                    Love the contingency pot idea. Who decides how it's spent?
                    """, ReplyTo: 3),
                new("lucia.trama", 10, """
                    The project team, by consent, in the final retro. Si sobra algo, se reparte por horas.
                    """, ReplyTo: 4),
                new("amara.baobab", 25, """
                    What blew up for us: mixing the shared rate with each coop's internal pay. Keep them apart —
                    the shared rate is between coops; how each coop pays its members is its own business.
                    """, LikedBy: ["priya.commons", "jonas.quellcode", "ines.enxame"]),
                new("priya.commons", 28, """
                    Summary so far, for the wiki:

                    1. Agree the shared hourly rate before starting
                    2. One shared timesheet
                    3. Coordination fee for the lead coop (8–10%)
                    4. 5% contingency pot, spent by consent, leftovers split by hours
                    5. Internal pay is each coop's own business

                    Thanks all :pray:
                    """, LikedBy: ["lucia.trama", "amara.baobab", "jonas.quellcode", "kai.tidepool"]),
            ]),

        new("tools", "jonas.quellcode", 11, "Our self-hosted CI with Forgejo runners (config inside)",
            """
            We moved off hosted CI last year: two Forgejo runners on a server we share with Nodo Sur. It costs
            us about €40/month, split in two. This is the whole workflow for a .NET project:

            ```yaml
            # .forgejo/workflows/test.yml
            on: [push, pull_request]
            jobs:
              test:
                runs-on: docker
                container: mcr.microsoft.com/dotnet/sdk:10.0
                services:
                  db:
                    image: postgres:15
                    env:
                      POSTGRES_PASSWORD: ci
                steps:
                  - uses: actions/checkout@v4
                  - run: dotnet test
            ```

            Happy to share the Ansible role that sets up the runners. :hammer_and_wrench:
            """,
            ["diego.nodosur", "kai.tidepool", "wanjiru.msingi"],
            [
                new("diego.nodosur", 3, """
                    Confirmo, funciona muy bien. The only pain was caching NuGet and npm packages; Jonas fixed it
                    with a local proxy.
                    """),
                new("kai.tidepool", 5, """
                    Nice. How do you handle secrets for deploys?
                    """),
                new("jonas.quellcode", 6, """
                    Forgejo secrets per repository, and deploy keys that can only reach a `deploy` user with a
                    forced command. Nothing fancy.
                    """, ReplyTo: 3),
                new("wanjiru.msingi", 8, """
                    Security hat on :lock: make sure the runners never run pull requests from forks with access
                    to those secrets. That's the classic hole in this setup.
                    """, ReplyTo: 4, LikedBy: ["jonas.quellcode", "kai.tidepool"]),
                new("jonas.quellcode", 9, """
                    Good catch — forks are disabled on our instance, but I'll add a warning to the role's README.
                    """, ReplyTo: 5),
            ]),

        new("shared-servers", "kai.tidepool", 9, "Shared server for the network / Servidor compartido: who's in?",
            """
            **EN:** Several of us rent small servers for staging and internal tools. Pooling them into one
            bigger machine would be cheaper and easier to look after. Rough numbers:

            | Item | €/month |
            |---|---:|
            | Dedicated server, 64 GB RAM | 65 |
            | Backup storage, 1 TB | 12 |
            | Monitoring (self-hosted) | 0 |
            | **Total** | **77** |

            Split between five coops that's about €15 each.

            **ES:** Varias cooperativas alquilamos servidores pequeños para staging y herramientas internas.
            Juntarlos en una máquina más grande saldría más barato. ¿Quién se suma?
            """,
            ["jonas.quellcode", "lucia.trama"],
            [
                new("lucia.trama", 4, """
                    Trama se suma :raised_hand: Solo pedimos que cada cooperativa tenga su propio usuario y que
                    las copias de seguridad estén cifradas.
                    """),
                new("jonas.quellcode", 6, """
                    Quellcode too. I can do the initial setup; we need at least two people on call so nobody
                    gets paged on holiday.
                    """, LikedBy: ["kai.tidepool", "wanjiru.msingi"]),
                new("wanjiru.msingi", 11, """
                    Count Msingi in, and I volunteer as the second person on call. Let's write down who may log
                    in as root before we start, not after. :key:
                    """, ReplyTo: 3, LikedBy: ["jonas.quellcode", "kai.tidepool"]),
                new("carmen.teixo", 30, """
                    Teixo también. ¿Hace falta un pequeño acuerdo escrito sobre qué pasa si una cooperativa
                    deja la red?
                    """),
                new("kai.tidepool", 33, """
                    Yes — @priya.commons offered to draft one. Server ordered, details in the next post soon. :rocket:
                    """, ReplyTo: 5),
            ]),

        new("governance", "lucia.trama", 8, "¿Cómo calculan sus tarifas? Compartamos números",
            """
            En Trama estamos revisando nuestra tarifa por hora y nos vendría bien comparar con otras
            cooperativas. Propongo compartir **rangos**, no hace falta exactitud:

            - tarifa por hora (o por día) para clientes
            - cuánto de eso se va en gastos comunes
            - si cobran distinto a ONGs que a empresas

            Nosotras: entre 35 y 45 USD/hora, un 20% va a gastos comunes, y a las ONGs pequeñas les hacemos
            un 25% de descuento.
            """,
            ["diego.nodosur", "priya.commons", "ines.enxame"],
            [
                new("diego.nodosur", 5, """
                    Nodo Sur: 30–40 USD/hora, 15% a gastos comunes. Con entidades públicas cobramos la tarifa
                    completa porque los pagos llegan con 90 días de retraso. :unamused:
                    """, LikedBy: ["lucia.trama"]),
                new("priya.commons", 9, """
                    Sharing in English, hope that's fine: £55–65/hour, about 25% to common costs (we pay for an
                    office). Charities get 20% off, and we do one pro bono project a year.
                    """, LikedBy: ["lucia.trama", "mateo.colmena"]),
                new("mateo.colmena", 12, """
                    Colmena: 28–38 USD/hora. @priya.commons ¿el proyecto pro bono lo eligen por votación?
                    """, ReplyTo: 3),
                new("priya.commons", 14, """
                    Yes — anyone can propose one at the spring assembly and we vote. It has to fit in one
                    person's time for about two months.
                    """, ReplyTo: 4, LikedBy: ["mateo.colmena"]),
                new("ines.enxame", 40, """
                    Enxame: 30–35 USD/hora, 18% gastos comunes. Una idea: ¿y si publicamos una tabla anónima
                    con los rangos de toda la red? Ayudaría mucho a las cooperativas nuevas.
                    """, LikedBy: ["lucia.trama", "diego.nodosur", "carmen.teixo", "amara.baobab"]),
            ]),

        new("governance", "priya.commons", 6, "Proposal: a solidarity fund from 1% of inter-coop revenue",
            """
            Following the revenue-split thread, here's a concrete proposal for the next assembly:

            1. Every inter-coop project puts **1%** of its revenue into a network solidarity fund
            2. Any member coop in trouble (lost client, illness, a bad month) can ask for a loan, interest free
            3. Loans up to €5,000, paid back within 12 months
            4. Two people from different coops approve each loan; every decision is published here

            Objections, improvements, questions? If there are no blocking objections we'll vote at the assembly.
            """,
            ["lucia.trama", "amara.baobab", "ben.mycelium"],
            [
                new("jonas.quellcode", 5, """
                    In favour. One question: what happens if a loan can't be paid back? We should decide that now
                    rather than when it happens.
                    """, LikedBy: ["priya.commons", "wanjiru.msingi"]),
                new("priya.commons", 7, """
                    Good point. Proposal: after 12 months the assembly can turn the rest into a grant, by
                    consent. No debt collectors among friends.
                    """, ReplyTo: 2, LikedBy: ["jonas.quellcode", "lucia.trama"]),
                new("diego.nodosur", 10, """
                    A favor. Solo una duda: ¿el 1% sale del total del proyecto o de la parte de cada cooperativa?
                    Para proyectos públicos el margen ya es muy ajustado.
                    """),
                new("priya.commons", 12, """
                    From the total, before the split — so everybody in the project chips in the same share.
                    """, ReplyTo: 4),
            ]),

        new("events", "ben.mycelium", 4, "Online assembly of the network: agenda and time zones",
            """
            :calendar: The next online assembly is on **Saturday at 13:00 UTC**, 90 minutes. That is:

            - 07:00 in Ciudad de México, 08:00 in Bogotá
            - 10:00 in Montevideo and São Paulo
            - 14:00 in Lagos, Leipzig and Barcelona, 16:00 in Nairobi
            - 05:00 in Vancouver :sleeping: and midnight in Melbourne

            **Agenda**

            1. Welcome and new members (10 min)
            2. Solidarity fund proposal — see the thread in Governance (30 min)
            3. Shared server: status and on-call (15 min)
            4. Spring meetup in Barcelona (25 min)
            5. Anything else (10 min)

            The call link will be posted here an hour before. Interpretation EN/ES by volunteers. :pray:
            """,
            ["lucia.trama", "priya.commons"],
            [
                new("kai.tidepool", 2, """
                    5am is rough but I'll be there with a lot of coffee :coffee: Could we alternate times
                    between assemblies so it's not always the Pacific that suffers?
                    """, LikedBy: ["ben.mycelium", "amara.baobab"]),
                new("ben.mycelium", 3, """
                    Fair — it's midnight for me too. Proposal: alternate between 13:00 and 21:00 UTC. I'll add
                    it to point 5.
                    """, ReplyTo: 2, LikedBy: ["kai.tidepool"]),
                new("lucia.trama", 6, """
                    Puedo hacer la interpretación español–inglés en el punto 2. ¿Alguien más se ofrece para el
                    resto?
                    """),
                new("ines.enxame", 8, """
                    ¡Yo! Hago los puntos 3 a 5. :raised_hand:
                    """, ReplyTo: 4, LikedBy: ["lucia.trama", "ben.mycelium"]),
            ]),

        new("events", "carmen.teixo", 3, "Encuentro presencial en Barcelona en primavera",
            """
            ¡Hola! Desde Teixo queremos organizar el primer **encuentro presencial** de la red en Barcelona,
            dos días en primavera. La idea:

            - Día 1: presentaciones de proyectos entre cooperativas y un taller de accesibilidad
            - Día 2: hackathon sobre herramientas compartidas (¿el servidor común?) y cena :pizza:

            Tenemos sala gratis en un ateneo cooperativo del barrio de Sants. Para los viajes podríamos usar
            una parte del fondo de solidaridad, si se aprueba.

            ¿Quién vendría? Respondan con fechas que NO les van bien.
            """,
            ["diego.nodosur", "lucia.trama", "jonas.quellcode"],
            [
                new("jonas.quellcode", 2, """
                    Leipzig to Barcelona by train is doable. I'd come, and I'll bring the hackathon hardware.
                    Any date except the first week of April.
                    """, LikedBy: ["carmen.teixo"]),
                new("amara.baobab", 5, """
                    I'd love to come! Visas take time from Lagos, so please fix the date at least three months
                    ahead, and an invitation letter from Teixo would help a lot.
                    """, LikedBy: ["carmen.teixo", "lucia.trama"]),
                new("carmen.teixo", 6, """
                    Claro que sí, Amara: preparamos cartas de invitación para quien las necesite. Fijaremos la
                    fecha en la asamblea del sábado. :muscle:
                    """, ReplyTo: 3),
            ]),

        new("inter-coop-teams", "mateo.colmena", 1.5, "Retro: lo que aprendimos en las primeras semanas con Baobab",
            """
            Dos semanas del proyecto de los mercados con Baobab :seedling: Dejo la retro aquí por si le sirve a
            otros equipos mixtos.

            **Lo que funcionó**

            - Una llamada corta diaria de 15 minutos, en inglés, con notas escritas en el tablero
            - Diseño y desarrollo en el mismo sprint, no uno detrás del otro
            - Probar con vendedores reales desde la segunda semana

            **Lo que no**

            - Siete horas de diferencia horaria: las revisiones de código tardaban un día entero
            - Dos sistemas de tickets (el nuestro y el de Baobab) — ya migramos todo a uno

            Próximo paso: la beta con 20 vendedores. :crossed_fingers:
            """,
            ["amara.baobab", "priya.commons"],
            [
                new("amara.baobab", 3, """
                    Great write-up, Mateo. One more thing that worked: recording the vendor interviews with
                    subtitles in both languages, so both teams could watch them.
                    """, LikedBy: ["mateo.colmena"]),
                new("priya.commons", 6, """
                    Thanks for sharing! How did you handle the review delay in the end?
                    """),
                new("mateo.colmena", 8, """
                    Acordamos que cada PR lo revisa alguien de la misma zona horaria y la otra cooperativa solo
                    los cambios de arquitectura. The review time dropped from a day to a couple of hours.
                    """, ReplyTo: 3, LikedBy: ["priya.commons", "amara.baobab", "kai.tidepool"]),
            ]),

        new("cafe", "wanjiru.msingi", 0.3, "What are you reading this month?",
            """
            Something light for the weekend. What are you reading — tech or not? I'm halfway through a history
            of the Mondragon cooperatives and it's better than I expected.
            """,
            ["ben.mycelium"],
            [
                new("ben.mycelium", 1, """
                    Re-reading _The Mythical Man-Month_ before the next project kickoff. Still painfully relevant.
                    """, LikedBy: ["wanjiru.msingi"]),
                new("carmen.teixo", 2.5, """
                    Yo estoy con una novela de Mariana Enriquez, nada de tecnología por fin :ghost:
                    """),
                new("kai.tidepool", 4, """
                    _Designing Data-Intensive Applications_, for the third time. I'm not proud of it. :nerd_face:
                    """, ReplyTo: 1),
            ]),
    ];
}
