/** What a verifier said about a response, as one string a test can match: "verified", "not verified" or "rejected: …". */
export async function outcomeOf(verification: Promise<{ verified: boolean }>): Promise<string> {
  try {
    return (await verification).verified ? 'verified' : 'not verified';
  } catch (error) {
    return `rejected: ${error instanceof Error ? error.message : String(error)}`;
  }
}
