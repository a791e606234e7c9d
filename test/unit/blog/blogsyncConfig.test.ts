import * as assert from 'node:assert/strict';
import {
  blogsyncBlogs,
  blogsyncEndpoint,
  blogsyncEntryDirectory,
  blogsyncRootSegment,
  mergeBlogsyncConfigs,
  parseBlogsyncConfig,
  resolveBlogsyncBlog,
  type BlogsyncConfig,
} from '../../../src/blog/blogsyncConfig';

function config(source: string): BlogsyncConfig {
  const result = parseBlogsyncConfig(source);
  if ('error' in result) throw new Error(result.error);
  return result.config;
}

describe('blogsync config', () => {
  it('reads each blog and default: as blogsync does', () => {
    const c = config(`
yasay.hatenablog.com:
  local_root: ./blog
  username: yasay
  password: secret-key
  omit_domain: true
  entry_directory: posts
group.hatenablog.com:
  owner: team
default:
  username: fallback
  local_root: ~/Blogs
`);
    assert.deepEqual(c.default, { username: 'fallback', localRoot: '~/Blogs' });
    assert.deepEqual(c.blogs, [
      { blogId: 'yasay.hatenablog.com', localRoot: './blog', username: 'yasay', password: 'secret-key', omitDomain: true, entryDirectory: 'posts' },
      { blogId: 'group.hatenablog.com', owner: 'team' },
    ]);
    const group = resolveBlogsyncBlog(c, 'group.hatenablog.com')!;
    assert.deepEqual(group, { blogId: 'group.hatenablog.com', owner: 'team', username: 'fallback', localRoot: '~/Blogs' });
    assert.equal(blogsyncEndpoint(group), 'https://blog.hatena.ne.jp/team/group.hatenablog.com/atom');
    assert.equal(blogsyncEndpoint(resolveBlogsyncBlog(c, 'yasay.hatenablog.com')!), 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom');
    assert.equal(resolveBlogsyncBlog(c, 'nope.example'), undefined);
    assert.equal(blogsyncBlogs(c).length, 2);
  });

  it('a blog key with no settings is a blog; strings keep their spelling; YAML 1.1 booleans', () => {
    const c = config('a.hatenablog.com:\nb.hatenablog.com:\n  username: 0123\n  omit_domain: yes\n  password: "on"\n');
    assert.deepEqual(c.blogs, [{ blogId: 'a.hatenablog.com' }, { blogId: 'b.hatenablog.com', username: '0123', omitDomain: true, password: 'on' }]);
  });

  it('entry_directory: entry by default, none when empty, slashes trimmed', () => {
    assert.equal(blogsyncEntryDirectory({}), 'entry');
    assert.equal(blogsyncEntryDirectory(config('x:\n  entry_directory: ""\n').blogs[0]), '');
    assert.equal(blogsyncEntryDirectory(config('x:\n  entry_directory:\n').blogs[0]), '');
    assert.equal(blogsyncEntryDirectory({ entryDirectory: '/posts/' }), 'posts');
    assert.equal(blogsyncRootSegment({ blogId: 'x.hatenablog.com' }), 'x.hatenablog.com');
    assert.equal(blogsyncRootSegment({ blogId: 'x.hatenablog.com', omitDomain: true }), '');
  });

  it('merges as blogsync does: the first config wins field by field, later ones fill gaps', () => {
    const workspace = config('x.hatenablog.com:\n  local_root: .\n');
    const home = config('x.hatenablog.com:\n  username: yasay\n  local_root: /elsewhere\ny.hatenablog.com:\ndefault:\n  password: k\n');
    const merged = mergeBlogsyncConfigs(workspace, undefined, home);
    assert.deepEqual(resolveBlogsyncBlog(merged, 'x.hatenablog.com'), { blogId: 'x.hatenablog.com', localRoot: '.', username: 'yasay', password: 'k' });
    assert.deepEqual(merged.blogs.map((b) => b.blogId), ['x.hatenablog.com', 'y.hatenablog.com']);
  });

  it('gives an error with its place for what blogsync could not read, and never throws', () => {
    const bad = parseBlogsyncConfig('x.hatenablog.com:\n  username: "unclosed\n');
    assert.ok('error' in bad && bad.offset > 0);
    assert.ok('error' in parseBlogsyncConfig('- a list\n'));
    assert.deepEqual(parseBlogsyncConfig(''), { config: { default: {}, blogs: [] } });
    for (const junk of ['\u0000', '{', 'x: &a [*a]', 'x:\n  - 1\n', 'x: 3']) assert.doesNotThrow(() => parseBlogsyncConfig(junk), junk);
  });
});
