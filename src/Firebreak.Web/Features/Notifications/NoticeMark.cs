namespace Firebreak.Web.Features.Notifications;

/// <summary>That an event (by its key) has been told, and when: the record that keeps every notice single.</summary>
internal sealed class NoticeMark
{
    private NoticeMark()
    {
        Key = Event = "";
    }

    public NoticeMark(string key, string @event, DateTimeOffset at)
    {
        Key = key;
        Event = @event;
        At = at.UtcDateTime;
    }

    public string Key { get; private set; }

    public string Event { get; private set; }

    public DateTime At { get; private set; }
}
