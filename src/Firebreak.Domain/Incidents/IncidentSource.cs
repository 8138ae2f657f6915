namespace Firebreak.Domain.Incidents;

/// <summary>Where an incident came from: the channel that opened it. Wire names are kebab-case.</summary>
public enum IncidentSource
{
    /// <summary>A web form: a reporter's report form, or a maintainer's new-incident page.</summary>
    Form,
    /// <summary>The REST API (a reporter's submission or a maintainer's script).</summary>
    Api,
    /// <summary>The supply-chain watch, by itself.</summary>
    Watch,
    /// <summary>An event from a forge (GitHub webhooks).</summary>
    Webhook,
}
