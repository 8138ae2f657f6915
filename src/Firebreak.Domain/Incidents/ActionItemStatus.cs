namespace Firebreak.Domain.Incidents;

/// <summary>Where a follow-up action item stands.</summary>
public enum ActionItemStatus
{
    /// <summary>To do; its due-date clock runs.</summary>
    Open,
    /// <summary>Done; its clock stopped when it was marked done.</summary>
    Done,
    /// <summary>Decided against, with a reason.</summary>
    WontDo,
}
