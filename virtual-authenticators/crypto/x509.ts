// @peculiar/x509 resolves its algorithm helpers through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';

export {
  AsnEcSignatureFormatter,
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  X509CertificateGenerator,
} from '@peculiar/x509';
