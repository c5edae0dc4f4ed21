package dev.metronome.archive;

import com.github.junrar.Archive;
import com.github.junrar.ArchiveOptions;
import com.github.junrar.exception.RarException;
import com.github.junrar.rarfile.FileHeader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CBR read with junrar (RAR 1.5 to RAR5, stored, compressed and solid). A non-solid archive gives random
 * access; a solid one is decoded sequentially, so reading entries in archive order costs one pass.
 */
final class RarComicArchive extends AbstractComicArchive {

    private final OpenOptions options;
    private final boolean solid;
    private Archive rar;
    private List<FileHeader> headers;
    /** For solid archives: the index of the next header the decoder can produce without reopening. */
    private int nextSolidIndex;

    RarComicArchive(Path path, OpenOptions options) throws IOException {
        super(path, ArchiveFormat.CBR, options.limits());
        this.options = options;
        this.rar = openRar();
        try {
            if (rar.isEncrypted() && options.password().isEmpty()) {
                throw new ArchiveException(path, ArchiveException.Reason.ENCRYPTED,
                        "the RAR archive is encrypted; supply its password to read it");
            }
            this.headers = fileHeaders(rar);
            this.solid = rar.getMainHeader() != null && rar.getMainHeader().isSolid()
                    || headers.stream().anyMatch(FileHeader::isSolid);
            List<ArchiveEntry> all = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                FileHeader header = headers.get(i);
                if (header.isEncrypted() && options.password().isEmpty()) {
                    throw new ArchiveException(path, ArchiveException.Reason.ENCRYPTED,
                            "the RAR archive is encrypted (entry '" + header.getFileName() + "'); supply its password to read it");
                }
                all.add(new ArchiveEntry(EntryNames.normalize(header.getFileName()), header.getFullUnpackSize(),
                        solid ? -1 : header.getFullPackSize(), header.isRar5Family() ? -1 : Integer.toUnsignedLong(header.getFileCRC()), i));
            }
            setEntries(all);
        } catch (IOException | RuntimeException | RarException e) {
            rar.close();
            throw Archives.translate(path, e, "cannot read the RAR archive");
        }
    }

    private Archive openRar() throws IOException {
        ArchiveOptions.Builder builder = ArchiveOptions.builder();
        options.password().ifPresent(builder::password);
        try {
            return new Archive(path().toFile(), builder.build());
        } catch (com.github.junrar.exception.WrongPasswordException e) {
            if (options.password().isEmpty()) {
                throw new ArchiveException(path(), ArchiveException.Reason.ENCRYPTED,
                        "the RAR archive is encrypted; supply its password to read it", e);
            }
            throw new ArchiveException(path(), ArchiveException.Reason.WRONG_PASSWORD, "the password is wrong", e);
        } catch (RarException e) {
            throw Archives.translate(path(), e, "cannot open the RAR archive");
        }
    }

    private static List<FileHeader> fileHeaders(Archive archive) {
        List<FileHeader> files = new ArrayList<>();
        for (FileHeader header : archive.getFileHeaders()) {
            if (!header.isDirectory()) {
                files.add(header);
            }
        }
        return files;
    }

    @Override
    protected synchronized InputStream openEntry(ArchiveEntry entry) throws IOException {
        int target = entry.index();
        try {
            if (solid) {
                if (target < nextSolidIndex) {
                    rar.close();
                    rar = openRar();
                    headers = fileHeaders(rar);
                    nextSolidIndex = 0;
                }
                while (nextSolidIndex < target) {
                    rar.extractFile(headers.get(nextSolidIndex++), OutputStream.nullOutputStream());
                }
                nextSolidIndex = target + 1;
                // the decoder state is only valid for the next entry if this one is read to its end
                return new SolidEntryStream(rar.getInputStream(headers.get(target)));
            }
            return rar.getInputStream(headers.get(target));
        } catch (RarException e) {
            throw Archives.translate(path(), e, "cannot read entry '" + entry.name() + "'");
        }
    }

    /** Marks the solid decoder as unusable when an entry is closed before its end. */
    private final class SolidEntryStream extends FilterInputStream {
        private boolean ended;

        SolidEntryStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                synchronized (RarComicArchive.this) {
                    nextSolidIndex = Integer.MAX_VALUE;
                }
            }
            super.close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        rar.close();
    }
}
