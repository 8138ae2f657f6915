using Firebreak.Web.Data;

namespace Firebreak.Web.Infrastructure.Web;

/// <summary>
/// Nobody is refused because someone else wrote at the same moment: a request whose write loses a
/// race with another writer (<see cref="LostRace"/>: two people changing one incident, two reports
/// taking numbers at once) is run again from scratch, with the database's change tracker cleared
/// and the body read again, as if it had arrived a moment later. The domain then decides on fresh
/// state (a step already completed says so). The first attempt runs alongside other requests; a
/// rerun holds the process's <see cref="WriteGate"/> from its first read to its commit, so within
/// one server it cannot lose again (only a writer on another server can still beat it). After
/// <see cref="UnitOfWork.Attempts"/> lost races
/// the request gives up with 503 and Retry-After (<see cref="ServiceBusyException"/>); nothing of
/// it was kept. A GET is retried too, while nothing of its answer has been sent: a read writes as well (the audit record
/// of a read of an embargoed incident, a token's last use), and a reader must not be refused because a worker wrote the
/// same row at that moment. HEAD and OPTIONS pass straight through.
/// </summary>
internal static class LostRaceRetry
{
    public static IApplicationBuilder UseLostRaceRetry(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next();
            return;
        }
        context.Request.EnableBuffering();
        var db = context.RequestServices.GetRequiredService<FirebreakDbContext>();
        var gate = context.RequestServices.GetRequiredService<WriteGate>();
        for (var attempt = 1; ; attempt++)
        {
            var holding = false;
            try
            {
                if (attempt > 1)
                {
                    await gate.EnterAsync(db, context.RequestAborted);
                    holding = true;
                }
                await next();
                return;
            }
            catch (Exception e) when (LostRace.Is(e) && !context.Response.HasStarted)
            {
                if (attempt == UnitOfWork.Attempts) throw new ServiceBusyException(e);
                db.ChangeTracker.Clear();
                context.Request.Body.Position = 0;
                context.Response.Clear();
                if (attempt > 1) await UnitOfWork.Pause(attempt, context.RequestAborted); // lost to another server: let it finish
            }
            finally
            {
                if (holding) gate.Exit(db);
            }
        }
    });
}
