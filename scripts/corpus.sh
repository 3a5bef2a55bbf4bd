# corpus.sh is sourced by the scripts that run the xwlb corpus (bench.sh,
# pgo.sh): it sets corpus to the corpus's path in the shared folder
# (NEWSFACTS_SHARED, default ../shared), or, when it is absent, says so
# and ends the calling script with exit 0, so that they skip cleanly.
#
#   . scripts/corpus.sh NAME    # NAME prefixes the message
shared=${NEWSFACTS_SHARED:-../shared}
corpus=$shared/corpus/xwlb/articles.jsonl
if [ ! -f "$corpus" ]; then
	echo "$1: $corpus not found; set NEWSFACTS_SHARED. Skipping."
	exit 0
fi
