using SecretSync.Emulator.Esc;

namespace SecretSync.Emulator.Tests;

public sealed class CiphertextTests
{
    [Fact]
    public void TryDecrypt_WithReferenceVector_ShouldGive1234()
    {
        Assert.Equal("1234", Ciphertext.TryDecrypt("ZXNjeAAAAAGxsrO0gN+X5A==", out _));
        Assert.Equal("ZXNjeAAAAAGxsrO0gN+X5A==", Ciphertext.Encrypt("1234"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pa$$word")]
    [InlineData("ünïcødé ${x}\n")]
    public void Encrypt_ThenDecrypt_ShouldRoundTrip(string value)
    {
        Assert.Equal(value, Ciphertext.TryDecrypt(Ciphertext.Encrypt(value), out _));
    }

    [Theory]
    [InlineData("not base64!", "invalid ciphertext: illegal base64 data")]
    [InlineData("ZXNjeAAAAAGxsrO0gN+X5Q==", "invalid ciphertext: invalid checksum")]
    [InlineData("YWJjZAAAAAGxsrO0gN+X5A==", "invalid ciphertext: invalid header")]
    public void TryDecrypt_WithBadEnvelope_ShouldReportWhy(string ciphertext, string problem)
    {
        Assert.Null(Ciphertext.TryDecrypt(ciphertext, out var actual));
        Assert.Equal(problem, actual);
    }
}
