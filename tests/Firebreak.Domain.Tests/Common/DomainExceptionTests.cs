using Firebreak.Domain.Common;

namespace Firebreak.Domain.Tests.Common;

public class DomainExceptionTests
{
    [Fact]
    public void Constructor_WithMessage_KeepsMessage()
    {
        var ex = new DomainException("stage cannot move backwards");
        Assert.Equal("stage cannot move backwards", ex.Message);
    }
}
