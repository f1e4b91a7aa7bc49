"""
This module contains all query-related routes for the LightRAG API.
"""

import asyncio
import json
import time
from typing import Any, Dict, List, Literal, Optional
from fastapi import APIRouter, Depends
from lightrag.base import QueryParam
from lightrag.api.input_limits import count_conversation_input_chars
from lightrag.api.utils_api import get_combined_auth_dependency, internal_server_error
from lightrag.constants import (
    MAX_KEYWORD_CHARS,
    MAX_KEYWORDS_PER_LIST,
    MAX_MESSAGE_CHARS,
    MAX_MESSAGES_PER_REQUEST,
    MAX_QUERY_CHARS,
    MAX_QUERY_TOKEN_BUDGET,
    MAX_QUERY_TOP_K,
    MAX_REQUEST_TEXT_CHARS,
    MAX_RESPONSE_TYPE_CHARS,
    MAX_ROLE_CHARS,
)
from lightrag.query_validation import validate_query_not_empty, validate_rag_query
from lightrag.utils import logger
from pydantic import BaseModel, Field, field_validator, model_validator


class QueryRequest(BaseModel):
    query: str = Field(
        max_length=MAX_QUERY_CHARS,
        description=(
            "The query text. Must not be empty. RAG modes additionally require "
            "an English-equivalent length of at least 3; each Chinese, "
            "Japanese or Korean character counts as 2."
        ),
    )

    mode: Literal["local", "global", "hybrid", "naive", "mix", "bypass"] = Field(
        default="mix",
        description="Query mode",
    )

    only_need_context: Optional[bool] = Field(
        default=None,
        description="If True, only returns the retrieved context without generating a response.",
    )

    only_need_prompt: Optional[bool] = Field(
        default=None,
        description="If True, only returns the generated prompt without producing a response.",
    )

    response_type: Optional[str] = Field(
        min_length=1,
        max_length=MAX_RESPONSE_TYPE_CHARS,
        default=None,
        description="Defines the response format. Examples: 'Multiple Paragraphs', 'Single Paragraph', 'Bullet Points'.",
    )

    top_k: Optional[int] = Field(
        ge=1,
        le=MAX_QUERY_TOP_K,
        default=None,
        description="Number of top items to retrieve. Represents entities in 'local' mode and relationships in 'global' mode.",
    )

    chunk_top_k: Optional[int] = Field(
        ge=1,
        le=MAX_QUERY_TOP_K,
        default=None,
        description="Number of text chunks to retrieve initially from vector search and keep after reranking.",
    )

    max_entity_tokens: Optional[int] = Field(
        default=None,
        description="Maximum number of tokens allocated for entity context in unified token control system.",
        ge=1,
        le=MAX_QUERY_TOKEN_BUDGET,
    )

    max_relation_tokens: Optional[int] = Field(
        default=None,
        description="Maximum number of tokens allocated for relationship context in unified token control system.",
        ge=1,
        le=MAX_QUERY_TOKEN_BUDGET,
    )

    max_total_tokens: Optional[int] = Field(
        default=None,
        description="Maximum total tokens budget for the entire query context (entities + relations + chunks + system prompt).",
        ge=1,
        le=MAX_QUERY_TOKEN_BUDGET,
    )

    hl_keywords: list[str] = Field(
        default_factory=list,
        max_length=MAX_KEYWORDS_PER_LIST,
        description="List of high-level keywords to prioritize in retrieval. Leave empty to use the LLM to generate the keywords.",
    )

    ll_keywords: list[str] = Field(
        default_factory=list,
        max_length=MAX_KEYWORDS_PER_LIST,
        description="List of low-level keywords to refine retrieval focus. Leave empty to use the LLM to generate the keywords.",
    )

    conversation_history: Optional[List[Dict[str, Any]]] = Field(
        default=None,
        description="History messages are only sent to LLM for context, not used for retrieval. Format: [{'role': 'user/assistant', 'content': 'message'}].",
    )

    user_prompt: Optional[str] = Field(
        default=None,
        max_length=MAX_QUERY_CHARS,
        description=(
            "Additional instructions for the LLM, injected into the "
            "'Additional Instructions' section of the answer prompt. It does not "
            "affect retrieval. The server may prepend a global prefix to this "
            "value; if this field is empty the prefix alone becomes the "
            "instructions sent to the LLM. Set disable_user_prompt_prefix to "
            "opt out of the prefix."
        ),
    )

    disable_user_prompt_prefix: Optional[bool] = Field(
        default=None,
        description=(
            "If True, the server-side global prompt prefix is not prepended to "
            "user_prompt, leaving the client in full control of the final "
            "instruction text. This is the only way to suppress the prefix -- "
            "sending an empty user_prompt does not, it makes the prefix the "
            "whole instruction. The prefix itself is server configuration and "
            "cannot be read or replaced by a request. Default is False."
        ),
    )

    enable_rerank: Optional[bool] = Field(
        default=None,
        description="Enable reranking for retrieved text chunks. If True but no rerank model is configured, a warning will be issued. Default is True.",
    )

    include_references: Optional[bool] = Field(
        default=True,
        description="If True, includes reference list in responses. Affects /query and /query/stream endpoints. /query/data always includes references.",
    )

    include_chunk_content: Optional[bool] = Field(
        default=False,
        description="If True, includes actual chunk text content in references. Only applies when include_references=True. Useful for evaluation and debugging.",
    )

    include_progress: Optional[bool] = Field(
        default=False,
        description="If True, emits retrieval pipeline progress events (e.g. "
        "'extracting_keywords') before the response chunks and appends a final "
        "response_time metadata line. "
        "Only applies to /query/stream. When False (default), the stream "
        "preserves the original protocol order: references first, then "
        "response chunks — ensuring backward compatibility for existing clients.",
    )

    stream: Optional[bool] = Field(
        default=None,
        description="If True, enables streaming output. Defaults to False for /query, True for /query/stream.",
    )

    @field_validator("query", mode="after")
    @classmethod
    def query_strip_after(cls, query: str) -> str:
        # Mode-independent: `bypass` is exempt from the RAG minimum below, not
        # from having to carry a prompt at all. `min_length` on the field would
        # run before the strip and let "   " through.
        return validate_query_not_empty(query)

    @field_validator("hl_keywords", "ll_keywords", mode="after")
    @classmethod
    def keywords_length_check(cls, keywords: list[str]) -> list[str]:
        for keyword in keywords:
            if len(keyword) > MAX_KEYWORD_CHARS:
                raise ValueError(
                    f"each keyword must be at most {MAX_KEYWORD_CHARS} characters"
                )
        return keywords

    @field_validator("conversation_history", mode="after")
    @classmethod
    def conversation_history_role_check(
        cls, conversation_history: List[Dict[str, Any]] | None
    ) -> List[Dict[str, Any]] | None:
        if conversation_history is None:
            return None
        if len(conversation_history) > MAX_MESSAGES_PER_REQUEST:
            raise ValueError(
                f"conversation_history must hold at most {MAX_MESSAGES_PER_REQUEST} messages"
            )
        for msg in conversation_history:
            if "role" not in msg:
                raise ValueError("Each message must have a 'role' key.")
            if not isinstance(msg["role"], str) or not msg["role"].strip():
                raise ValueError("Each message 'role' must be a non-empty string.")
            if len(msg["role"]) > MAX_ROLE_CHARS:
                raise ValueError(
                    f"Each message 'role' must be at most {MAX_ROLE_CHARS} characters."
                )
            if "content" not in msg:
                raise ValueError("Each message must have a 'content' key.")
            if not isinstance(msg["content"], str):
                raise ValueError("Each message 'content' must be a string.")
            if len(msg["content"]) > MAX_MESSAGE_CHARS:
                raise ValueError(
                    f"Each message 'content' must be at most {MAX_MESSAGE_CHARS} characters."
                )

        # Extra keys stay allowed on purpose — clients following the OpenAI
        # convention send 'name' or 'tool_call_id'. The aggregate validator
        # counts the serialized whole, so those fields consume request budget
        # without being forbidden outright.
        return conversation_history

    @model_validator(mode="after")
    def enforce_rag_query_minimum(self) -> "QueryRequest":
        """Hold RAG queries to a length that can actually retrieve something.

        `bypass` goes straight to the LLM without touching the index, so the
        retrieval-shaped minimum does not apply to it; the non-empty check on
        the field does.
        """
        if self.mode != "bypass":
            validate_rag_query(self.query)
        return self

    @model_validator(mode="after")
    def bound_aggregate_text(self) -> "QueryRequest":
        """Bound all model-facing request input in one request.

        Per-field limits are not a bound on their own: the same payload is
        trivially rebuilt out of fields that are each individually legal. Every
        history dict is forwarded verbatim, so count its serialized form rather
        than only the ``content`` key.
        """
        # The server-side user_prompt_prefix is deliberately NOT counted: it is
        # operator configuration, not client-supplied text, and folding it in
        # would make previously-legal requests start failing the moment an
        # operator edits USER_PROMPT_PREFIX.
        total = count_conversation_input_chars(
            self.query,
            self.user_prompt,
            self.conversation_history,
        )
        if total > MAX_REQUEST_TEXT_CHARS:
            raise ValueError(
                f"total request text is {total} characters, over the "
                f"{MAX_REQUEST_TEXT_CHARS} character limit"
            )
        return self

    def to_query_params(self, is_stream: bool) -> "QueryParam":
        """Converts a QueryRequest instance into a QueryParam instance."""
        # Use Pydantic's `.model_dump(exclude_none=True)` to remove None values automatically
        # Exclude API-level parameters that don't belong in QueryParam
        request_data = self.model_dump(
            exclude_none=True,
            exclude={"query", "include_chunk_content", "include_progress"},
        )

        # Ensure `mode` and `stream` are set explicitly
        param = QueryParam(**request_data)
        param.stream = is_stream
        return param


class ReferenceItem(BaseModel):
    """A single reference item in query responses."""

    reference_id: str = Field(description="Unique reference identifier")
    file_path: str = Field(description="Path to the source file")
    content: Optional[List[str]] = Field(
        default=None,
        description="List of chunk contents from this file (only present when include_chunk_content=True)",
    )


class QueryResponse(BaseModel):
    response: str = Field(
        description="The generated response",
    )
    references: Optional[List[ReferenceItem]] = Field(
        default=None,
        description="Reference list (Disabled when include_references=False, /query/data always includes references.)",
    )
    response_time: Optional[float] = Field(
        default=None,
        description="Total server-side processing time in seconds (retrieval + LLM generation)",
    )
    llm_generated: bool = Field(
        default=True,
        description=(
            "Whether the answering LLM actually wrote this response. False when "
            "the query returned text produced without calling it: the canned "
            "no-context reply, or the only_need_context / only_need_prompt debug "
            "output. Clients that label machine-written text cannot recover this "
            "from the response text alone."
        ),
    )


class QueryDataResponse(BaseModel):
    status: str = Field(description="Query execution status")
    message: str = Field(description="Status message")
    data: Dict[str, Any] = Field(
        description="Query result data containing entities, relationships, chunks, and references"
    )
    metadata: Dict[str, Any] = Field(
        description="Query metadata including mode, keywords, and processing information"
    )


class StreamChunkResponse(BaseModel):
    """Response model for streaming chunks in NDJSON format.

    Default stream order (``include_progress=False``):
    1. ``references`` — the reference list (only when
       ``include_references=True``), emitted once as the **first** line.
    2. ``response`` — LLM response content chunks (streaming) or the
       complete response (non-streaming).
    3. ``error`` — error message if processing fails.

    When the client opts in via ``include_progress=True``:
    ``progress`` lines are emitted **before** ``references``, so clients
    that depend on ``references`` being the first line should not enable
    ``include_progress``. A final ``response_time`` metadata line is also
    emitted after the response completes.
    """

    references: Optional[List[Dict[str, str]]] = Field(
        default=None,
        description="Reference list (only in first chunk when include_references=True)",
    )
    response: Optional[str] = Field(
        default=None, description="Response content chunk or complete response"
    )
    error: Optional[str] = Field(
        default=None, description="Error message if processing fails"
    )
    progress: Optional[str] = Field(
        default=None,
        description="Retrieval pipeline step identifier (e.g. 'extracting_keywords'); only emitted when include_progress=True",
    )
    response_time: Optional[float] = Field(
        default=None,
        description="Total server-side processing time in seconds (final metadata line when include_progress=True)",
    )
    llm_generated: Optional[bool] = Field(
        default=None,
        description=(
            "Whether the answering LLM wrote the content on this line. Carried "
            "only on a complete (non-streamed) response line — the canned "
            "no-context reply and the only_need_context / only_need_prompt debug "
            "output are the cases that report False. Streamed response chunks "
            "always come from the LLM and carry no flag."
        ),
    )


def create_query_routes(rag, api_key: Optional[str] = None, top_k: int = 60):
    # Fresh router per call. A module-level instance would accumulate
    # duplicate routes when the factory is invoked more than once in the
    # same process (e.g. across tests), which triggers FastAPI's
    # "Duplicate Operation ID" warnings.
    router = APIRouter(tags=["query"])

    combined_auth = get_combined_auth_dependency(api_key)

    @router.post(
        "/query",
        response_model=QueryResponse,
        dependencies=[Depends(combined_auth)],
        responses={
            200: {
                "description": "Successful RAG query response",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "response": {
                                    "type": "string",
                                    "description": "The generated response from the RAG system",
                                },
                                "references": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "reference_id": {"type": "string"},
                                            "file_path": {"type": "string"},
                                            "content": {
                                                "type": "array",
                                                "items": {"type": "string"},
                                                "description": "List of chunk contents from this file (only included when include_chunk_content=True)",
                                            },
                                        },
                                    },
                                    "description": "Reference list (only included when include_references=True)",
                                },
                            },
                            "required": ["response"],
                        },
                        "examples": {
                            "with_references": {
                                "summary": "Response with references",
                                "description": "Example response when include_references=True",
                                "value": {
                                    "response": "Artificial Intelligence (AI) is a branch of computer science that aims to create intelligent machines capable of performing tasks that typically require human intelligence, such as learning, reasoning, and problem-solving.",
                                    "references": [
                                        {
                                            "reference_id": "1",
                                            "file_path": "/documents/ai_overview.pdf",
                                        },
                                        {
                                            "reference_id": "2",
                                            "file_path": "/documents/machine_learning.txt",
                                        },
                                    ],
                                },
                            },
                            "with_chunk_content": {
                                "summary": "Response with chunk content",
                                "description": "Example response when include_references=True and include_chunk_content=True. Note: content is an array of chunks from the same file.",
                                "value": {
                                    "response": "Artificial Intelligence (AI) is a branch of computer science that aims to create intelligent machines capable of performing tasks that typically require human intelligence, such as learning, reasoning, and problem-solving.",
                                    "references": [
                                        {
                                            "reference_id": "1",
                                            "file_path": "/documents/ai_overview.pdf",
                                            "content": [
                                                "Artificial Intelligence (AI) represents a transformative field in computer science focused on creating systems that can perform tasks requiring human-like intelligence. These tasks include learning from experience, understanding natural language, recognizing patterns, and making decisions.",
                                                "AI systems can be categorized into narrow AI, which is designed for specific tasks, and general AI, which aims to match human cognitive abilities across a wide range of domains.",
                                            ],
                                        },
                                        {
                                            "reference_id": "2",
                                            "file_path": "/documents/machine_learning.txt",
                                            "content": [
                                                "Machine learning is a subset of AI that enables computers to learn and improve from experience without being explicitly programmed. It focuses on the development of algorithms that can access data and use it to learn for themselves."
                                            ],
                                        },
                                    ],
                                },
                            },
                            "without_references": {
                                "summary": "Response without references",
                                "description": "Example response when include_references=False",
                                "value": {
                                    "response": "Artificial Intelligence (AI) is a branch of computer science that aims to create intelligent machines capable of performing tasks that typically require human intelligence, such as learning, reasoning, and problem-solving."
                                },
                            },
                            "different_modes": {
                                "summary": "Different query modes",
                                "description": "Examples of responses from different query modes",
                                "value": {
                                    "local_mode": "Focuses on specific entities and their relationships",
                                    "global_mode": "Provides broader context from relationship patterns",
                                    "hybrid_mode": "Combines local and global approaches",
                                    "naive_mode": "Simple vector similarity search",
                                    "mix_mode": "Integrates knowledge graph and vector retrieval",
                                },
                            },
                        },
                    }
                },
            },
            422: {
                "description": "Unprocessable Entity - Request validation failed",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "detail": {"type": "array", "items": {"type": "object"}}
                            },
                        },
                        "example": {
                            "detail": [
                                {
                                    "type": "value_error",
                                    "loc": ["body"],
                                    "msg": (
                                        "Value error, RAG query is too short. Enter at "
                                        "least 3 English characters or an equivalent "
                                        "combination where each Chinese, Japanese or "
                                        "Korean character counts as 2."
                                    ),
                                }
                            ]
                        },
                    }
                },
            },
            500: {
                "description": "Internal Server Error - Query processing failed",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"detail": {"type": "string"}},
                        },
                        "example": {
                            "detail": "Failed to process query: LLM service unavailable"
                        },
                    }
                },
            },
        },
    )
    async def query_text(request: QueryRequest):
        """
        Comprehensive RAG query endpoint with non-streaming response. Parameter "stream" is ignored.

        **Query Modes:**
        - **local**: Focuses on specific entities and their direct relationships
        - **global**: Analyzes broader patterns and relationships across the knowledge graph
        - **hybrid**: Combines local and global approaches for comprehensive results
        - **naive**: Simple vector similarity search without knowledge graph
        - **mix**: Integrates knowledge graph retrieval with vector search (recommended)
        - **bypass**: Direct LLM query without knowledge retrieval

        conversation_history parameteris sent to LLM only, does not affect retrieval results.

        **Usage Examples:**

        Basic query:
        ```json
        {
            "query": "What is machine learning?",
            "mode": "mix"
        }
        ```

        Bypass initial LLM call by providing high-level and low-level keywords:
        ```json
        {
            "query": "What is Retrieval-Augmented-Generation?",
            "hl_keywords": ["machine learning", "information retrieval", "natural language processing"],
            "ll_keywords": ["retrieval augmented generation", "RAG", "knowledge base"],
            "mode": "mix"
        }
        ```

        Advanced query with references:
        ```json
        {
            "query": "Explain neural networks",
            "mode": "hybrid",
            "include_references": true,
            "response_type": "Multiple Paragraphs",
            "top_k": 10
        }
        ```

        Conversation with history:
        ```json
        {
            "query": "Can you give me more details?",
            "conversation_history": [
                {"role": "user", "content": "What is AI?"},
                {"role": "assistant", "content": "AI is artificial intelligence..."}
            ]
        }
        ```

        Args:
            request (QueryRequest): The request object containing query parameters:
                - **query**: The question or prompt to process. Must not be empty. RAG modes additionally require an English-equivalent length of at least 3; each Chinese, Japanese or Korean character counts as 2. Bypass mode is exempt from the minimum, not from being non-empty.
                - **mode**: Query strategy - "mix" recommended for best results
                - **include_references**: Whether to include source citations
                - **response_type**: Format preference (e.g., "Multiple Paragraphs")
                - **top_k**: Number of top entities/relations to retrieve
                - **conversation_history**: Previous dialogue context
                - **max_total_tokens**: Token budget for the entire response

        Returns:
            QueryResponse: JSON response containing:
                - **response**: The generated answer to your query
                - **references**: Source citations (if include_references=True)

        Raises:
            HTTPException:
                - 422: Request validation failed (e.g., query empty or too short)
                - 500: Internal processing error (e.g., LLM service unavailable)
        """
        try:
            param = request.to_query_params(
                False
            )  # Ensure stream=False for non-streaming endpoint
            # Force stream=False for /query endpoint regardless of include_references setting
            param.stream = False
            # Unified approach: always use aquery_llm for both cases
            start_time = time.perf_counter()
            result = await rag.aquery_llm(request.query, param=param)
            response_time = round(time.perf_counter() - start_time, 3)

            # Extract LLM response and references from unified result
            llm_response = result.get("llm_response", {})
            data = result.get("data", {})
            references = data.get("references", [])

            # Get the non-streaming response content
            response_content = llm_response.get("content", "")
            # Whether the answering LLM wrote it. A missing flag means a result
            # shape that predates it, which only the LLM paths produce.
            llm_generated = bool(llm_response.get("llm_generated", True))
            if not response_content:
                response_content = "No relevant context found for the query."
                # Substituted placeholder: nothing was generated.
                llm_generated = False

            # Enrich references with chunk content if requested
            if request.include_references and request.include_chunk_content:
                chunks = data.get("chunks", [])
                # Create a mapping from reference_id to chunk content
                ref_id_to_content = {}
                for chunk in chunks:
                    ref_id = chunk.get("reference_id", "")
                    content = chunk.get("content", "")
                    if ref_id and content:
                        # Collect chunk content; join later to avoid quadratic string concatenation
                        ref_id_to_content.setdefault(ref_id, []).append(content)

                # Add content to references
                enriched_references = []
                for ref in references:
                    ref_copy = ref.copy()
                    ref_id = ref.get("reference_id", "")
                    if ref_id in ref_id_to_content:
                        # Keep content as a list of chunks (one file may have multiple chunks)
                        ref_copy["content"] = ref_id_to_content[ref_id]
                    enriched_references.append(ref_copy)
                references = enriched_references

            # Return response with or without references based on request
            if request.include_references:
                return QueryResponse(
                    response=response_content,
                    references=references,
                    response_time=response_time,
                    llm_generated=llm_generated,
                )
            else:
                return QueryResponse(
                    response=response_content,
                    references=None,
                    response_time=response_time,
                    llm_generated=llm_generated,
                )
        except Exception as e:
            logger.error(f"Error processing query: {str(e)}", exc_info=True)
            raise internal_server_error(e)

    def _build_stream_generator(
        *,
        result: dict[str, Any],
        include_references: bool,
        include_chunk_content: bool,
        include_response_time: bool,
        start_time: float,
    ):
        """Shared async generator that yields NDJSON lines for streaming responses.

        Used by ``/query/stream`` to format NDJSON output with consistent
        error-handling behaviour. When ``include_response_time`` is enabled,
        a final metadata line is emitted after all content so opted-in clients
        can display the total server-side processing duration.
        """

        async def _generate():
            references = result.get("data", {}).get("references", [])
            llm_response = result.get("llm_response", {})

            # Enrich references with chunk content if requested
            if include_references and include_chunk_content:
                data = result.get("data", {})
                chunks = data.get("chunks", [])
                ref_id_to_content: dict[str, list[str]] = {}
                for chunk in chunks:
                    ref_id = chunk.get("reference_id", "")
                    content = chunk.get("content", "")
                    if ref_id and content:
                        ref_id_to_content.setdefault(ref_id, []).append(content)

                enriched_references = []
                for ref in references:
                    ref_copy = ref.copy()
                    ref_id = ref.get("reference_id", "")
                    if ref_id in ref_id_to_content:
                        ref_copy["content"] = ref_id_to_content[ref_id]
                    enriched_references.append(ref_copy)
                references = enriched_references

            if llm_response.get("is_streaming"):
                # Streaming: references first, then response chunks
                if include_references:
                    yield f"{json.dumps({'references': references})}\n"

                response_stream = llm_response.get("response_iterator")
                if response_stream:
                    try:
                        async for chunk in response_stream:
                            if chunk:
                                yield f"{json.dumps({'response': chunk})}\n"
                    except Exception as e:
                        logger.error(f"Streaming error: {str(e)}")
                        yield f"{json.dumps({'error': str(e)})}\n"
            else:
                # Non-streaming: complete response in one message
                response_content = llm_response.get("content", "")
                llm_generated = bool(llm_response.get("llm_generated", True))
                if not response_content:
                    response_content = "No relevant context found for the query."
                    llm_generated = False

                # The flag rides this line rather than a separate one: it
                # describes THIS content, and a client that ignores the key
                # still reads the response exactly as before. Streamed chunks
                # (the branch above) always come from the LLM, so they need no
                # flag.
                complete_response: dict[str, Any] = {
                    "response": response_content,
                    "llm_generated": llm_generated,
                }
                if include_references:
                    complete_response["references"] = references

                yield f"{json.dumps(complete_response)}\n"

            if include_response_time:
                # Final metadata line: total server-side processing time
                # (retrieval + LLM generation) for opted-in clients.
                yield f"{json.dumps({'response_time': round(time.perf_counter() - start_time, 3)})}\n"

        return _generate

    @router.post(
        "/query/stream",
        dependencies=[Depends(combined_auth)],
        responses={
            200: {
                "description": "Flexible RAG query response - format depends on stream parameter",
                "content": {
                    "application/x-ndjson": {
                        "schema": {
                            "type": "string",
                            "format": "ndjson",
                            "description": "Newline-delimited JSON (NDJSON) format used for both streaming and non-streaming responses. For streaming: multiple lines with separate JSON objects. For non-streaming: single line with complete JSON object.",
                            "example": '{"references": [{"reference_id": "1", "file_path": "/documents/ai.pdf"}]}\n{"response": "Artificial Intelligence is"}\n{"response": " a field of computer science"}\n{"response": " that focuses on creating intelligent machines."}',
                        },
                        "examples": {
                            "streaming_with_references": {
                                "summary": "Streaming mode with references (stream=true)",
                                "description": "Multiple NDJSON lines when stream=True and include_references=True. First line contains references, subsequent lines contain response chunks.",
                                "value": '{"references": [{"reference_id": "1", "file_path": "/documents/ai_overview.pdf"}, {"reference_id": "2", "file_path": "/documents/ml_basics.txt"}]}\n{"response": "Artificial Intelligence (AI) is a branch of computer science"}\n{"response": " that aims to create intelligent machines capable of performing"}\n{"response": " tasks that typically require human intelligence, such as learning,"}\n{"response": " reasoning, and problem-solving."}',
                            },
                            "streaming_with_chunk_content": {
                                "summary": "Streaming mode with chunk content (stream=true, include_chunk_content=true)",
                                "description": "Multiple NDJSON lines when stream=True, include_references=True, and include_chunk_content=True. First line contains references with content arrays (one file may have multiple chunks), subsequent lines contain response chunks.",
                                "value": '{"references": [{"reference_id": "1", "file_path": "/documents/ai_overview.pdf", "content": ["Artificial Intelligence (AI) represents a transformative field...", "AI systems can be categorized into narrow AI and general AI..."]}, {"reference_id": "2", "file_path": "/documents/ml_basics.txt", "content": ["Machine learning is a subset of AI that enables computers to learn..."]}]}\n{"response": "Artificial Intelligence (AI) is a branch of computer science"}\n{"response": " that aims to create intelligent machines capable of performing"}\n{"response": " tasks that typically require human intelligence."}',
                            },
                            "streaming_without_references": {
                                "summary": "Streaming mode without references (stream=true)",
                                "description": "Multiple NDJSON lines when stream=True and include_references=False. Only response chunks are sent.",
                                "value": '{"response": "Machine learning is a subset of artificial intelligence"}\n{"response": " that enables computers to learn and improve from experience"}\n{"response": " without being explicitly programmed for every task."}',
                            },
                            "non_streaming_with_references": {
                                "summary": "Non-streaming mode with references (stream=false)",
                                "description": "Single NDJSON line when stream=False and include_references=True. Complete response with references in one message.",
                                "value": '{"references": [{"reference_id": "1", "file_path": "/documents/neural_networks.pdf"}], "response": "Neural networks are computational models inspired by biological neural networks that consist of interconnected nodes (neurons) organized in layers. They are fundamental to deep learning and can learn complex patterns from data through training processes."}',
                            },
                            "non_streaming_without_references": {
                                "summary": "Non-streaming mode without references (stream=false)",
                                "description": "Single NDJSON line when stream=False and include_references=False. Complete response only.",
                                "value": '{"response": "Deep learning is a subset of machine learning that uses neural networks with multiple layers (hence deep) to model and understand complex patterns in data. It has revolutionized fields like computer vision, natural language processing, and speech recognition."}',
                            },
                            "error_response": {
                                "summary": "Error during streaming",
                                "description": "Error handling in NDJSON format when an error occurs during processing.",
                                "value": '{"references": [{"reference_id": "1", "file_path": "/documents/ai.pdf"}]}\n{"response": "Artificial Intelligence is"}\n{"error": "LLM service temporarily unavailable"}',
                            },
                        },
                    }
                },
            },
            422: {
                "description": "Unprocessable Entity - Request validation failed",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "detail": {"type": "array", "items": {"type": "object"}}
                            },
                        },
                        "example": {
                            "detail": [
                                {
                                    "type": "value_error",
                                    "loc": ["body"],
                                    "msg": (
                                        "Value error, RAG query is too short. Enter at "
                                        "least 3 English characters or an equivalent "
                                        "combination where each Chinese, Japanese or "
                                        "Korean character counts as 2."
                                    ),
                                }
                            ]
                        },
                    }
                },
            },
            500: {
                "description": "Internal Server Error - Query processing failed",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"detail": {"type": "string"}},
                        },
                        "example": {
                            "detail": "Failed to process streaming query: Knowledge graph unavailable"
                        },
                    }
                },
            },
        },
    )
    async def query_text_stream(request: QueryRequest):
        """
        Advanced RAG query endpoint with flexible streaming response.

        This endpoint provides the most flexible querying experience, supporting both real-time streaming
        and complete response delivery based on your integration needs.

        **Response Modes:**
        - Real-time response delivery as content is generated
        - NDJSON format: each line is a separate JSON object
        - Default order (``include_progress=False``):
          - First line: `{"references": [...]}` (if include_references=True)
          - Subsequent lines: `{"response": "content chunk"}`
          - Error handling: `{"error": "error message"}`
        - With ``include_progress=True`` (opt-in):
          - Progress lines: `{"progress": "step_name"}` emitted **before** references
          - Then references, response chunks, and errors as above
          - Final line: `{"response_time": 1.234}`
          - Clients that depend on references being the first line must not enable ``include_progress``

        > If stream parameter is False, or the query hit LLM cache, complete response delivered in a single streaming message.

        **Response Format Details**
        - **Content-Type**: `application/x-ndjson` (Newline-Delimited JSON)
        - **Structure**: Each line is an independent, valid JSON object
        - **Parsing**: Process line-by-line, each line is self-contained
        - **Headers**: Includes cache control and connection management

        **Query Modes (same as /query endpoint)**
        - **local**: Entity-focused retrieval with direct relationships
        - **global**: Pattern analysis across the knowledge graph
        - **hybrid**: Combined local and global strategies
        - **naive**: Vector similarity search only
        - **mix**: Integrated knowledge graph + vector retrieval (recommended)
        - **bypass**: Direct LLM query without knowledge retrieval

        conversation_history parameteris sent to LLM only, does not affect retrieval results.

        **Usage Examples**

        Real-time streaming query:
        ```json
        {
            "query": "Explain machine learning algorithms",
            "mode": "mix",
            "stream": true,
            "include_references": true
        }
        ```

        Bypass initial LLM call by providing high-level and low-level keywords:
        ```json
        {
            "query": "What is Retrieval-Augmented-Generation?",
            "hl_keywords": ["machine learning", "information retrieval", "natural language processing"],
            "ll_keywords": ["retrieval augmented generation", "RAG", "knowledge base"],
            "mode": "mix"
        }
        ```

        Complete response query:
        ```json
        {
            "query": "What is deep learning?",
            "mode": "hybrid",
            "stream": false,
            "response_type": "Multiple Paragraphs"
        }
        ```

        Streaming with retrieval progress (opt-in):
        ```json
        {
            "query": "Explain neural networks",
            "mode": "mix",
            "stream": true,
            "include_progress": true
        }
        ```
        Progress lines (`{"progress": "extracting_keywords"}`, etc.) are emitted
        before references and response chunks, letting the client show live
        pipeline status. A final `{"response_time": 1.234}` metadata line follows
        the response. Omit ``include_progress`` (or set it to ``false``) to keep
        the original protocol shape with no progress or timing metadata lines.

        Conversation with context:
        ```json
        {
            "query": "Can you elaborate on that?",
            "stream": true,
            "conversation_history": [
                {"role": "user", "content": "What is neural network?"},
                {"role": "assistant", "content": "A neural network is..."}
            ]
        }
        ```

        **Response Processing:**

        ```python
        async for line in response.iter_lines():
            data = json.loads(line)
            if "references" in data:
                # Handle references (first message)
                references = data["references"]
            if "response" in data:
                # Handle content chunk
                content_chunk = data["response"]
            if "error" in data:
                # Handle error
                error_message = data["error"]
        ```

        **Error Handling:**
        - Streaming errors are delivered as `{"error": "message"}` lines
        - Non-streaming errors raise HTTP exceptions
        - Partial responses may be delivered before errors in streaming mode
        - Always check for error objects when processing streaming responses

        Args:
            request (QueryRequest): The request object containing query parameters:
                - **query**: The question or prompt to process. Must not be empty. RAG modes additionally require an English-equivalent length of at least 3; each Chinese, Japanese or Korean character counts as 2. Bypass mode is exempt from the minimum, not from being non-empty.
                - **mode**: Query strategy - "mix" recommended for best results
                - **stream**: Enable streaming (True) or complete response (False)
                - **include_references**: Whether to include source citations
                - **include_progress**: If True, emit retrieval progress events before references and a final response_time metadata line (default: False)
                - **response_type**: Format preference (e.g., "Multiple Paragraphs")
                - **top_k**: Number of top entities/relations to retrieve
                - **conversation_history**: Previous dialogue context for multi-turn conversations
                - **max_total_tokens**: Token budget for the entire response

        Returns:
            StreamingResponse: NDJSON streaming response containing:
                - **Streaming mode**: Multiple JSON objects, one per line
                  - Progress objects (only if include_progress=True): `{"progress": "step_name"}`
                  - References object (if requested): `{"references": [...]}`
                  - Content chunks: `{"response": "chunk content"}`
                  - Error objects: `{"error": "error message"}`
                  - Final timing object (only if include_progress=True): `{"response_time": 1.234}`
                - **Non-streaming mode**: Single JSON object
                  - Complete response: `{"references": [...], "response": "complete content"}`

        Raises:
            HTTPException:
                - 422: Request validation failed (e.g., query empty or too short, invalid mode)
                - 500: Internal processing error (e.g., LLM service unavailable)

        Note:
            This endpoint is ideal for applications requiring flexible response delivery.
            Use streaming mode for real-time interfaces and non-streaming for batch processing.
        """
        try:
            # Use the stream parameter from the request, defaulting to True if not specified
            stream_mode = request.stream if request.stream is not None else True
            param = request.to_query_params(stream_mode)

            from fastapi.responses import StreamingResponse

            start_time = time.perf_counter()

            # When the client opts in via include_progress, run aquery_llm as a
            # background task so progress events can be interleaved into the
            # NDJSON stream before the response chunks. When include_progress
            # is False (default), use the original blocking path that preserves
            # the exact protocol order: references → response chunks → time.
            include_progress = request.include_progress or False

            if include_progress:
                progress_queue: asyncio.Queue = asyncio.Queue()
                # Sentinel enqueued once the query task settles, so the generator
                # can drain progress events with a blocking get() instead of
                # polling task.done() on a 0.1s timeout (which could also drop an
                # event whenever the timeout raced the get()).
                done_sentinel = object()

                async def progress_callback(event: str):
                    await progress_queue.put(event)

                async def run_query():
                    # Wrap aquery_llm so the sentinel is enqueued exactly once the
                    # query settles — on success, error, or cancellation. The
                    # finally runs after every progress event the callback awaited
                    # inside aquery_llm, so the sentinel is always the last queue
                    # item. put_nowait never blocks on the unbounded queue, which
                    # keeps the finally safe even while a CancelledError propagates.
                    try:
                        return await rag.aquery_llm(
                            request.query,
                            param=param,
                            progress_callback=progress_callback,
                        )
                    finally:
                        progress_queue.put_nowait(done_sentinel)

                query_task = asyncio.create_task(run_query())

                include_references = request.include_references
                include_chunk_content = request.include_chunk_content

                async def merged_generator():
                    try:
                        # Drain progress events until the sentinel: a blocking get
                        # with no polling, no timeout, and no dropped-item race.
                        while True:
                            event = await progress_queue.get()
                            if event is done_sentinel:
                                break
                            yield f"{json.dumps({'progress': event})}\n"

                        # Surface any exception from the task (e.g. LLM service
                        # error). Since the StreamingResponse has already begun
                        # (progress lines sent), we cannot raise an HTTP 500;
                        # instead emit a structured NDJSON error line so the
                        # client receives a well-formed error instead of a
                        # truncated stream.
                        try:
                            result = await query_task
                        except Exception as e:
                            logger.error(
                                f"Error in progress-enabled streaming query: {str(e)}",
                                exc_info=True,
                            )
                            yield f"{json.dumps({'error': str(e)})}\n"
                            return

                        # Yield references + LLM response chunks + response_time.
                        stream_gen = _build_stream_generator(
                            result=result,
                            include_references=include_references,
                            include_chunk_content=include_chunk_content,
                            include_response_time=True,
                            start_time=start_time,
                        )
                        async for line in stream_gen():
                            yield line
                    finally:
                        if not query_task.done():
                            query_task.cancel()
                            # Wait for cancellation cleanup so the task cannot
                            # outlive the response generator after disconnect.
                            await asyncio.gather(query_task, return_exceptions=True)

                return StreamingResponse(
                    merged_generator(),
                    media_type="application/x-ndjson",
                    headers={
                        "Cache-Control": "no-cache",
                        "Connection": "keep-alive",
                        "Content-Type": "application/x-ndjson",
                        "X-Accel-Buffering": "no",
                    },
                )
            else:
                # Default path: no progress events, original protocol order preserved.
                result = await rag.aquery_llm(request.query, param=param)
                stream_gen = _build_stream_generator(
                    result=result,
                    include_references=request.include_references,
                    include_chunk_content=request.include_chunk_content,
                    include_response_time=False,
                    start_time=start_time,
                )

                return StreamingResponse(
                    stream_gen(),
                    media_type="application/x-ndjson",
                    headers={
                        "Cache-Control": "no-cache",
                        "Connection": "keep-alive",
                        "Content-Type": "application/x-ndjson",
                        "X-Accel-Buffering": "no",
                    },
                )
        except Exception as e:
            logger.error(f"Error processing streaming query: {str(e)}", exc_info=True)
            raise internal_server_error(e)

    @router.post(
        "/query/data",
        response_model=QueryDataResponse,
        dependencies=[Depends(combined_auth)],
        responses={
            200: {
                "description": "Successful data retrieval response with structured RAG data",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "status": {
                                    "type": "string",
                                    "enum": ["success", "failure"],
                                    "description": "Query execution status",
                                },
                                "message": {
                                    "type": "string",
                                    "description": "Status message describing the result",
                                },
                                "data": {
                                    "type": "object",
                                    "properties": {
                                        "entities": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "entity_name": {"type": "string"},
                                                    "entity_type": {"type": "string"},
                                                    "description": {"type": "string"},
                                                    "source_id": {"type": "string"},
                                                    "file_path": {"type": "string"},
                                                    "reference_id": {"type": "string"},
                                                },
                                            },
                                            "description": "Retrieved entities from knowledge graph",
                                        },
                                        "relationships": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "src_id": {"type": "string"},
                                                    "tgt_id": {"type": "string"},
                                                    "description": {"type": "string"},
                                                    "keywords": {"type": "string"},
                                                    "weight": {"type": "number"},
                                                    "source_id": {"type": "string"},
                                                    "file_path": {"type": "string"},
                                                    "reference_id": {"type": "string"},
                                                },
                                            },
                                            "description": "Retrieved relationships from knowledge graph",
                                        },
                                        "chunks": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "content": {"type": "string"},
                                                    "file_path": {"type": "string"},
                                                    "chunk_id": {"type": "string"},
                                                    "reference_id": {"type": "string"},
                                                },
                                            },
                                            "description": "Retrieved text chunks from vector database",
                                        },
                                        "references": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "reference_id": {"type": "string"},
                                                    "file_path": {"type": "string"},
                                                },
                                            },
                                            "description": "Reference list for citation purposes",
                                        },
                                    },
                                    "description": "Structured retrieval data containing entities, relationships, chunks, and references",
                                },
                                "metadata": {
                                    "type": "object",
                                    "properties": {
                                        "query_mode": {"type": "string"},
                                        "keywords": {
                                            "type": "object",
                                            "properties": {
                                                "high_level": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                                "low_level": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                            },
                                        },
                                        "processing_info": {
                                            "type": "object",
                                            "properties": {
                                                "total_entities_found": {
                                                    "type": "integer"
                                                },
                                                "total_relations_found": {
                                                    "type": "integer"
                                                },
                                                "entities_after_truncation": {
                                                    "type": "integer"
                                                },
                                                "relations_after_truncation": {
                                                    "type": "integer"
                                                },
                                                "final_chunks_count": {
                                                    "type": "integer"
                                                },
                                            },
                                        },
                                    },
                                    "description": "Query metadata including mode, keywords, and processing information",
                                },
                            },
                            "required": ["status", "message", "data", "metadata"],
                        },
                        "examples": {
                            "successful_local_mode": {
                                "summary": "Local mode data retrieval",
                                "description": "Example of structured data from local mode query focusing on specific entities",
                                "value": {
                                    "status": "success",
                                    "message": "Query executed successfully",
                                    "data": {
                                        "entities": [
                                            {
                                                "entity_name": "Neural Networks",
                                                "entity_type": "CONCEPT",
                                                "description": "Computational models inspired by biological neural networks",
                                                "source_id": "chunk-123",
                                                "file_path": "/documents/ai_basics.pdf",
                                                "reference_id": "1",
                                            }
                                        ],
                                        "relationships": [
                                            {
                                                "src_id": "Neural Networks",
                                                "tgt_id": "Machine Learning",
                                                "description": "Neural networks are a subset of machine learning algorithms",
                                                "keywords": "subset, algorithm, learning",
                                                "weight": 1.0,
                                                "source_id": "chunk-123",
                                                "file_path": "/documents/ai_basics.pdf",
                                                "reference_id": "1",
                                            }
                                        ],
                                        "chunks": [
                                            {
                                                "content": "Neural networks are computational models that mimic the way biological neural networks work...",
                                                "file_path": "/documents/ai_basics.pdf",
                                                "chunk_id": "chunk-123",
                                                "reference_id": "1",
                                            }
                                        ],
                                        "references": [
                                            {
                                                "reference_id": "1",
                                                "file_path": "/documents/ai_basics.pdf",
                                            }
                                        ],
                                    },
                                    "metadata": {
                                        "query_mode": "local",
                                        "keywords": {
                                            "high_level": ["neural", "networks"],
                                            "low_level": [
                                                "computation",
                                                "model",
                                                "algorithm",
                                            ],
                                        },
                                        "processing_info": {
                                            "total_entities_found": 5,
                                            "total_relations_found": 3,
                                            "entities_after_truncation": 1,
                                            "relations_after_truncation": 1,
                                            "final_chunks_count": 1,
                                        },
                                    },
                                },
                            },
                            "global_mode": {
                                "summary": "Global mode data retrieval",
                                "description": "Example of structured data from global mode query analyzing broader patterns",
                                "value": {
                                    "status": "success",
                                    "message": "Query executed successfully",
                                    "data": {
                                        "entities": [],
                                        "relationships": [
                                            {
                                                "src_id": "Artificial Intelligence",
                                                "tgt_id": "Machine Learning",
                                                "description": "AI encompasses machine learning as a core component",
                                                "keywords": "encompasses, component, field",
                                                "weight": 2.0,
                                                "source_id": "chunk-456",
                                                "file_path": "/documents/ai_overview.pdf",
                                                "reference_id": "2",
                                            }
                                        ],
                                        "chunks": [],
                                        "references": [
                                            {
                                                "reference_id": "2",
                                                "file_path": "/documents/ai_overview.pdf",
                                            }
                                        ],
                                    },
                                    "metadata": {
                                        "query_mode": "global",
                                        "keywords": {
                                            "high_level": [
                                                "artificial",
                                                "intelligence",
                                                "overview",
                                            ],
                                            "low_level": [],
                                        },
                                    },
                                },
                            },
                            "naive_mode": {
                                "summary": "Naive mode data retrieval",
                                "description": "Example of structured data from naive mode using only vector search",
                                "value": {
                                    "status": "success",
                                    "message": "Query executed successfully",
                                    "data": {
                                        "entities": [],
                                        "relationships": [],
                                        "chunks": [
                                            {
                                                "content": "Deep learning is a subset of machine learning that uses neural networks with multiple layers...",
                                                "file_path": "/documents/deep_learning.pdf",
                                                "chunk_id": "chunk-789",
                                                "reference_id": "3",
                                            }
                                        ],
                                        "references": [
                                            {
                                                "reference_id": "3",
                                                "file_path": "/documents/deep_learning.pdf",
                                            }
                                        ],
                                    },
                                    "metadata": {
                                        "query_mode": "naive",
                                        "keywords": {"high_level": [], "low_level": []},
                                    },
                                },
                            },
                        },
                    }
                },
            },
            400: {
                "description": "Bad Request - Request validation failed",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "status": {"type": "string"},
                                "message": {"type": "string"},
                                "data": {"type": "object"},
                                "metadata": {"type": "object"},
                            },
                        },
                        "example": {
                            "status": "failure",
                            "message": (
                                "Validation error: body: Value error, RAG query is "
                                "too short. Enter at least 3 English characters or "
                                "an equivalent combination where each Chinese, "
                                "Japanese or Korean character counts as 2."
                            ),
                            "data": {},
                            "metadata": {},
                        },
                    }
                },
            },
            500: {
                "description": "Internal Server Error - Data retrieval failed",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"detail": {"type": "string"}},
                        },
                        "example": {
                            "detail": "Failed to retrieve data: Knowledge graph unavailable"
                        },
                    }
                },
            },
        },
    )
    async def query_data(request: QueryRequest):
        """
        Advanced data retrieval endpoint for structured RAG analysis.

        This endpoint provides raw retrieval results without LLM generation, perfect for:
        - **Data Analysis**: Examine what information would be used for RAG
        - **System Integration**: Get structured data for custom processing
        - **Debugging**: Understand retrieval behavior and quality
        - **Research**: Analyze knowledge graph structure and relationships

        **Key Features:**
        - No LLM generation - pure data retrieval
        - Complete structured output with entities, relationships, and chunks
        - Always includes references for citation
        - Detailed metadata about processing and keywords
        - Compatible with all query modes and parameters

        **Query Mode Behaviors:**
        - **local**: Returns entities and their direct relationships + related chunks
        - **global**: Returns relationship patterns across the knowledge graph
        - **hybrid**: Combines local and global retrieval strategies
        - **naive**: Returns only vector-retrieved text chunks (no knowledge graph)
        - **mix**: Integrates knowledge graph data with vector-retrieved chunks
        - **bypass**: Returns empty data arrays (used for direct LLM queries)

        **Data Structure:**
        - **entities**: Knowledge graph entities with descriptions and metadata
        - **relationships**: Connections between entities with weights and descriptions
        - **chunks**: Text segments from documents with source information
        - **references**: Citation information mapping reference IDs to file paths
        - **metadata**: Processing information, keywords, and query statistics

        **Usage Examples:**

        Analyze entity relationships:
        ```json
        {
            "query": "machine learning algorithms",
            "mode": "local",
            "top_k": 10
        }
        ```

        Explore global patterns:
        ```json
        {
            "query": "artificial intelligence trends",
            "mode": "global",
            "max_relation_tokens": 2000
        }
        ```

        Vector similarity search:
        ```json
        {
            "query": "neural network architectures",
            "mode": "naive",
            "chunk_top_k": 5
        }
        ```

        Bypass initial LLM call by providing high-level and low-level keywords:
        ```json
        {
            "query": "What is Retrieval-Augmented-Generation?",
            "hl_keywords": ["machine learning", "information retrieval", "natural language processing"],
            "ll_keywords": ["retrieval augmented generation", "RAG", "knowledge base"],
            "mode": "mix"
        }
        ```

        **Response Analysis:**
        - **Empty arrays**: Normal for certain modes (e.g., naive mode has no entities/relationships)
        - **Processing info**: Shows retrieval statistics and token usage
        - **Keywords**: High-level and low-level keywords extracted from query
        - **Reference mapping**: Links all data back to source documents

        Args:
            request (QueryRequest): The request object containing query parameters:
                - **query**: The search query to analyze. Must not be empty. RAG modes additionally require an English-equivalent length of at least 3; each Chinese, Japanese or Korean character counts as 2. Bypass mode is exempt from the minimum, not from being non-empty.
                - **mode**: Retrieval strategy affecting data types returned
                - **top_k**: Number of top entities/relationships to retrieve
                - **chunk_top_k**: Number of text chunks to retrieve
                - **max_entity_tokens**: Token limit for entity context
                - **max_relation_tokens**: Token limit for relationship context
                - **max_total_tokens**: Overall token budget for retrieval

        Returns:
            QueryDataResponse: Structured JSON response containing:
                - **status**: "success" or "failure"
                - **message**: Human-readable status description
                - **data**: Complete retrieval results with entities, relationships, chunks, references
                - **metadata**: Query processing information and statistics

        Raises:
            HTTPException:
                - 400: Request validation failed (e.g., query empty or too short, invalid mode)
                - 500: Internal processing error (e.g., knowledge graph unavailable)

        Note:
            This endpoint always includes references regardless of the include_references parameter,
            as structured data analysis typically requires source attribution.
        """
        try:
            param = request.to_query_params(False)  # No streaming for data endpoint
            response = await rag.aquery_data(request.query, param=param)

            # aquery_data returns the new format with status, message, data, and metadata
            if isinstance(response, dict):
                return QueryDataResponse(**response)
            else:
                # Handle unexpected response format
                return QueryDataResponse(
                    status="failure",
                    message="Invalid response type",
                    data={},
                    metadata={},
                )
        except Exception as e:
            logger.error(f"Error processing data query: {str(e)}", exc_info=True)
            raise internal_server_error(e)

    return router
